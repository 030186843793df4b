using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAIVideos.Commands.Module
{
    /// <summary>
    /// Points the engine's dependencies at the module's own copies when the module is imported: on PowerShell 7 the
    /// engine and its dependencies load into a private AssemblyLoadContext from <c>Dependencies/Core</c>; on Windows
    /// PowerShell 5.1 they resolve from <c>Dependencies/Desktop</c>, whatever versions their references ask for.
    /// </summary>
    /// <remarks>
    /// The cmdlet assembly references OpenAIVideos.Client but none of its dependencies, so nothing here is needed
    /// before the first cmdlet touches the engine. Cmdlet types must not derive from or implement engine types: those
    /// would have to load while PowerShell scans the assembly, before this initializer has run.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>Called by PowerShell on Import-Module.</summary>
        public void OnImport()
        {
            var moduleBase = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)
                ?? throw new InvalidOperationException("The OpenAIVideos module folder could not be determined.");
            var edition = ModuleDependencyPolicy.DetectEdition(RuntimeInformation.FrameworkDescription);
            var folder = ModuleDependencyPolicy.DependencyFolder(moduleBase, edition);

            if (edition == ModuleEdition.Core)
            {
                var problem = ModuleDependencyPolicy.CheckCoreRuntime(Environment.Version);
                if (problem is not null)
                {
                    throw new PlatformNotSupportedException(problem);
                }

                PrivateLoadContext.Register(folder);
            }
            else
            {
                DesktopDependencyResolver.Register(folder, moduleBase);
            }
        }

        /// <summary>
        /// Work other parts of the module hand in to run on Remove-Module, before the load context is let go (the
        /// emulators Start-VideoEmulator started stop). Registered only once there is something to do.
        /// </summary>
        internal static event Action? Removing;

        /// <summary>Called by PowerShell on Remove-Module. Assemblies already loaded stay loaded.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            Removing?.Invoke();
            if (ModuleDependencyPolicy.DetectEdition(RuntimeInformation.FrameworkDescription) == ModuleEdition.Core)
            {
                PrivateLoadContext.Unregister();
            }
            else
            {
                DesktopDependencyResolver.Unregister();
            }
        }
    }

    /// <summary>The PowerShell edition, as far as assembly loading is concerned.</summary>
    internal enum ModuleEdition
    {
        /// <summary>PowerShell 7.4+ on .NET 8 or later.</summary>
        Core,

        /// <summary>Windows PowerShell 5.1 on .NET Framework 4.7.2 or later.</summary>
        Desktop,
    }

    /// <summary>The decisions of dependency loading, kept free of side effects so they can be tested on any runtime.</summary>
    internal static class ModuleDependencyPolicy
    {
        /// <summary>The folder under the module root that holds the per-edition dependency folders.</summary>
        public const string DependenciesFolder = "Dependencies";

        /// <summary>The assembly, in Dependencies/Core, that defines the private load context.</summary>
        public const string LoadContextAssemblyFile = "OpenAIVideos.LoadContext.dll";

        /// <summary>The load context type, named by string: netstandard2.0 cannot name AssemblyLoadContext.</summary>
        public const string LoadContextTypeName = "OpenAIVideos.LoadContext.DependencyLoadContext";

        /// <summary>The oldest .NET the Core build of the engine runs on (PowerShell 7.4).</summary>
        public static readonly Version MinimumCoreRuntime = new Version(8, 0);

        /// <summary>Desktop is .NET Framework (".NET Framework 4.8.9032.0"); everything else (".NET 8.0.11") is Core.</summary>
        public static ModuleEdition DetectEdition(string? frameworkDescription) =>
            frameworkDescription is not null && frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)
                ? ModuleEdition.Desktop
                : ModuleEdition.Core;

        /// <summary>Where the engine and its dependencies live for <paramref name="edition"/>.</summary>
        public static string DependencyFolder(string moduleBase, ModuleEdition edition) =>
            Path.Combine(moduleBase, DependenciesFolder, edition == ModuleEdition.Core ? "Core" : "Desktop");

        /// <summary>Null when the runtime can load the Core engine, else the reason it cannot (PowerShell 7.0–7.3).</summary>
        public static string? CheckCoreRuntime(Version runtimeVersion) =>
            runtimeVersion >= MinimumCoreRuntime
                ? null
                : $"OpenAIVideos needs PowerShell 7.4 or later (.NET {MinimumCoreRuntime.Major}); this session runs on .NET {runtimeVersion}. "
                  + "Update PowerShell, or use Windows PowerShell 5.1.";

        /// <summary>
        /// Whether an assembly with identity <paramref name="available"/> can stand in for a reference to
        /// <paramref name="requested"/>: the same name, culture and public key, and a version at least the one asked for.
        /// A higher version is accepted because the polyfill packages are compatible upwards and the dependency graph
        /// routinely asks for older versions than the one NuGet chose (System.Text.Json 8 asking for
        /// Microsoft.Bcl.AsyncInterfaces 8.0.0.0 next to the 9.0.0.0 that Microsoft.Extensions.* needs).
        /// </summary>
        public static bool Satisfies(AssemblyName requested, AssemblyName available)
        {
            if (!string.Equals(requested.Name, available.Name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (requested.Version is not null && (available.Version is null || available.Version < requested.Version))
            {
                return false;
            }

            var requestedCulture = requested.CultureName ?? string.Empty;
            if (!string.Equals(requestedCulture, available.CultureName ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var requestedToken = requested.GetPublicKeyToken();
            if (requestedToken is null || requestedToken.Length == 0)
            {
                return true;
            }

            var availableToken = available.GetPublicKeyToken();
            if (availableToken is null || availableToken.Length != requestedToken.Length)
            {
                return false;
            }

            for (var i = 0; i < requestedToken.Length; i++)
            {
                if (requestedToken[i] != availableToken[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The file, among <paramref name="folders"/> in order, that satisfies <paramref name="requested"/>; null when none
        /// does, so the request is left to whoever else can answer it. Files are found by simple name (Name.dll) and
        /// identified through <paramref name="readIdentity"/>, which returns null for a missing or unreadable file.
        /// </summary>
        public static string? SelectFile(AssemblyName requested, IEnumerable<string> folders, Func<string, AssemblyName?> readIdentity)
        {
            var name = requested.Name;
            if (string.IsNullOrEmpty(name)
                || name!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase)
                || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return null; // satellite resources fall back to the neutral culture; odd names are not ours
            }

            foreach (var folder in folders)
            {
                var path = Path.Combine(folder, name + ".dll");
                var available = readIdentity(path);
                if (available is not null && Satisfies(requested, available))
                {
                    return path;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="path"/> is inside <paramref name="folder"/> (the module's own files).</summary>
        public static bool IsUnder(string? path, string folder)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return Path.GetFullPath(path).StartsWith(root, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>PowerShell 7: hands the engine request to OpenAIVideos.LoadContext, loaded from Dependencies/Core.</summary>
    internal static class PrivateLoadContext
    {
        public static void Register(string dependencyFolder) => Invoke(dependencyFolder, "Register", dependencyFolder);

        public static void Unregister()
        {
            // Only a context that was registered can be unregistered; nothing to do if the assembly never loaded.
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (assembly.GetType(ModuleDependencyPolicy.LoadContextTypeName, throwOnError: false) is Type type)
                {
                    InvokeStatic(type, "Unregister");
                    return;
                }
            }
        }

        private static void Invoke(string dependencyFolder, string method, params object[] arguments)
        {
            var path = Path.Combine(dependencyFolder, ModuleDependencyPolicy.LoadContextAssemblyFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The OpenAIVideos module is incomplete: {path} is missing. Reinstall the module.", path);
            }

            // LoadFrom puts it in the default context, next to this assembly, where its Register can hook Default.Resolving.
            var type = Assembly.LoadFrom(path).GetType(ModuleDependencyPolicy.LoadContextTypeName, throwOnError: true)!;
            InvokeStatic(type, method, arguments);
        }

        private static void InvokeStatic(Type type, string method, params object[] arguments)
        {
            var parameterTypes = Array.ConvertAll(arguments, argument => argument.GetType());
            var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, null, parameterTypes, null)
                ?? throw new MissingMethodException(type.FullName, method);
            try
            {
                target.Invoke(null, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }
    }

    /// <summary>
    /// Windows PowerShell 5.1: answers failed binds for the engine and its dependencies from Dependencies/Desktop (and the
    /// models from the module root), accepting any file whose version is at least the one asked for. 5.1 has no binding
    /// redirects for a module, so this is what reconciles the polyfills' differing version references.
    /// </summary>
    internal sealed class DesktopDependencyResolver
    {
        private static readonly object Gate = new object();
        private static DesktopDependencyResolver? current;

        private readonly string moduleBase;
        private readonly string[] folders;

        private DesktopDependencyResolver(string dependencyFolder, string moduleBase)
        {
            this.moduleBase = moduleBase;
            folders = new[] { dependencyFolder, moduleBase };
        }

        public static void Register(string dependencyFolder, string moduleBase)
        {
            lock (Gate)
            {
                if (current is null)
                {
                    current = new DesktopDependencyResolver(dependencyFolder, moduleBase);
                    AppDomain.CurrentDomain.AssemblyResolve += current.Resolve;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (current is not null)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= current.Resolve;
                    current = null;
                }
            }
        }

        private Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);

            // A copy of ours already loaded (the models PowerShell loaded from the module root, or a polyfill loaded for an
            // earlier, higher request) answers first, so each file loads once.
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (!loaded.IsDynamic
                    && ModuleDependencyPolicy.Satisfies(requested, loaded.GetName())
                    && ModuleDependencyPolicy.IsUnder(loaded.Location, moduleBase))
                {
                    return loaded;
                }
            }

            var path = ModuleDependencyPolicy.SelectFile(requested, folders, ReadIdentity);
            return path is null ? null : Assembly.LoadFrom(path);
        }

        private static AssemblyName? ReadIdentity(string path)
        {
            try
            {
                return File.Exists(path) ? AssemblyName.GetAssemblyName(path) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
