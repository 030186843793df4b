// Placeholder until the emulator lands.
System.Console.WriteLine("emulator");
