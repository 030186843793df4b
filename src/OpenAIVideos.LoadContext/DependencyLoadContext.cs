using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace OpenAIVideos.LoadContext
{
    /// <summary>
    /// The private load context of the engine on PowerShell 7: OpenAIVideos.Client and its own Polly and Microsoft.Bcl.*
    /// (and any Microsoft.Extensions.* it would come to need) load from <c>Dependencies/Core</c>, so another module's (or PowerShell's) different versions of
    /// those never meet ours. Anything the default context already provides at the version asked for — System.Text.Json
    /// and the rest of .NET, and OpenAIVideos.Models, which the cmdlets share with the engine — comes from there instead.
    /// </summary>
    /// <remarks>
    /// The pattern of "Resolving PowerShell module assembly dependency conflicts": the cmdlet assembly lives in the default
    /// context, and <see cref="Register"/> answers its request for the engine with the copy loaded here.
    /// </remarks>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        /// <summary>The engine assembly, which the cmdlet assembly references.</summary>
        public const string EngineAssemblyName = "OpenAIVideos.Client";

        /// <summary>
        /// The netstandard2.0 polyfill the cmdlet assembly also references and .NET 8 does not ship. Its copy in
        /// Dependencies/Core only forwards to the runtime's types, so answering for it shares nothing private.
        /// </summary>
        public const string AsyncInterfacesAssemblyName = "Microsoft.Bcl.AsyncInterfaces";

        private static readonly object RegistrationGate = new object();
        private static DependencyLoadContext? registered;
        private static bool hooked;

        private readonly string dependencyFolder;
        private readonly string moduleFolder;

        /// <summary>A context over the dependency folder; the module root is two levels up (Dependencies/Core).</summary>
        public DependencyLoadContext(string dependencyFolder)
            : base("OpenAIVideos", isCollectible: false)
        {
            this.dependencyFolder = Path.GetFullPath(dependencyFolder);
            moduleFolder = Path.GetFullPath(Path.Combine(this.dependencyFolder, "..", ".."));
        }

        /// <summary>The folder private assemblies load from.</summary>
        public string DependencyFolder => dependencyFolder;

        /// <summary>The context <see cref="Register"/> set up, or null before the first call.</summary>
        public static DependencyLoadContext? Registered
        {
            get { lock (RegistrationGate) { return registered; } }
        }

        /// <summary>
        /// Answers the default context's requests for the engine (see <see cref="IsAnsweredForDefaultContext"/>) from a private
        /// context over <paramref name="dependencyFolder"/>.
        /// Called by the module initializer through reflection on every import; repeated calls change nothing, and the first
        /// folder wins because a non-collectible context cannot be replaced once the engine is loaded in it.
        /// </summary>
        public static void Register(string dependencyFolder)
        {
            if (string.IsNullOrEmpty(dependencyFolder))
            {
                throw new ArgumentException("The dependency folder is required.", nameof(dependencyFolder));
            }

            lock (RegistrationGate)
            {
                registered ??= new DependencyLoadContext(dependencyFolder);
                if (!hooked)
                {
                    Default.Resolving += ResolveEngine;
                    hooked = true;
                }
            }
        }

        /// <summary>Stops answering the default context (on Remove-Module). An engine already loaded stays loaded.</summary>
        public static void Unregister()
        {
            lock (RegistrationGate)
            {
                if (hooked)
                {
                    Default.Resolving -= ResolveEngine;
                    hooked = false;
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="assemblyName"/> always loads from our folder, even if another copy is available by default:
        /// these are the assemblies whose version conflicts between modules this context exists to prevent.
        /// </summary>
        public static bool IsPrivate(string assemblyName) =>
            string.Equals(assemblyName, EngineAssemblyName, StringComparison.OrdinalIgnoreCase)
            || assemblyName.StartsWith("Polly.", StringComparison.OrdinalIgnoreCase)
            || assemblyName.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase)
            || assemblyName.StartsWith("Microsoft.Bcl.", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Whether the default context's resolving hook answers for <paramref name="assemblyName"/>: the engine and the one
        /// polyfill the cmdlet assembly references, nothing else, so other modules' failed binds are not answered with ours.
        /// </summary>
        public static bool IsAnsweredForDefaultContext(string? assemblyName) =>
            string.Equals(assemblyName, EngineAssemblyName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(assemblyName, AsyncInterfacesAssemblyName, StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether <paramref name="assemblyName"/> is the module's own, shared by the cmdlets and the engine.</summary>
        public static bool IsShared(string assemblyName) =>
            string.Equals(assemblyName, "OpenAIVideos.Models", StringComparison.OrdinalIgnoreCase)
            || string.Equals(assemblyName, "OpenAIVideos", StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            if (IsShared(name))
            {
                return LoadShared(assemblyName);
            }

            var path = Path.Combine(dependencyFolder, name + ".dll");
            if (!File.Exists(path))
            {
                return null; // .NET or PowerShell itself: the default context has it.
            }

            // A framework assembly we also carry (System.Diagnostics.DiagnosticSource 9 for .NET 8) is ours only while
            // the runtime's copy is older than asked for; on a newer runtime the inbox copy serves everyone.
            if (!IsPrivate(name) && TrustedPlatformAssemblies.Provides(assemblyName))
            {
                return null;
            }

            return LoadFromAssemblyPath(path);
        }

        private Assembly? LoadShared(AssemblyName assemblyName)
        {
            // One copy of the model types for cmdlets and engine alike: the default context's, loaded from the module root.
            foreach (var loaded in Default.Assemblies)
            {
                if (AssemblyName.ReferenceMatchesDefinition(assemblyName, loaded.GetName()))
                {
                    return loaded;
                }
            }

            var path = Path.Combine(moduleFolder, assemblyName.Name + ".dll");
            return File.Exists(path) ? Default.LoadFromAssemblyPath(path) : null;
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName assemblyName)
        {
            if (!IsAnsweredForDefaultContext(assemblyName.Name))
            {
                return null;
            }

            DependencyLoadContext? target;
            lock (RegistrationGate)
            {
                target = registered;
            }

            return target?.LoadFromAssemblyName(assemblyName);
        }

        /// <summary>The assemblies the runtime (and the host, for pwsh) lists as trusted, read once.</summary>
        private static class TrustedPlatformAssemblies
        {
            private static readonly Lazy<Dictionary<string, string>> Paths = new Lazy<Dictionary<string, string>>(Read);

            public static bool Provides(AssemblyName requested)
            {
                if (requested.Name is null || !Paths.Value.TryGetValue(requested.Name, out var path))
                {
                    return false;
                }

                try
                {
                    var available = AssemblyName.GetAssemblyName(path).Version;
                    return requested.Version is null || (available is not null && available >= requested.Version);
                }
                catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
                {
                    return false;
                }
            }

            private static Dictionary<string, string> Read()
            {
                var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
                {
                    foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        map[Path.GetFileNameWithoutExtension(path)] = path;
                    }
                }

                return map;
            }
        }
    }
}
