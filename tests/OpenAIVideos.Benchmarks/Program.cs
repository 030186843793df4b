System.Console.WriteLine("benchmarks: placeholder");
