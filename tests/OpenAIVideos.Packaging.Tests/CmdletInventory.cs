using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>The cmdlets a built cmdlet assembly defines, read with MetadataLoadContext (nothing is executed).</summary>
    internal static class CmdletInventory
    {
        private const string CmdletAttributeName = "System.Management.Automation.CmdletAttribute";

        /// <summary>"Verb-Noun" of every non-abstract type carrying [Cmdlet(verb, noun)].</summary>
        public static IReadOnlyList<string> Read(string cmdletAssemblyPath, IEnumerable<string> dependencyFolders)
        {
            // Resolve against this runtime, the module's own folders, and PowerShellStandard's System.Management.Automation.
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
                .Concat(Directory.GetFiles(Path.GetDirectoryName(cmdletAssemblyPath)!, "*.dll"))
                .Concat(dependencyFolders.Where(Directory.Exists).SelectMany(folder => Directory.GetFiles(folder, "*.dll")))
                .Append(typeof(System.Management.Automation.CmdletAttribute).Assembly.Location)
                .GroupBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
                .Select(group => group.First());
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            var assembly = context.LoadFromAssemblyPath(cmdletAssemblyPath);

            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types;
            }

            var cmdlets = new List<string>();
            foreach (var type in types)
            {
                if (type is null || type.IsAbstract)
                {
                    continue;
                }

                foreach (var attribute in type.GetCustomAttributesData())
                {
                    if (attribute.AttributeType.FullName == CmdletAttributeName && attribute.ConstructorArguments.Count >= 2)
                    {
                        cmdlets.Add($"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}");
                    }
                }
            }

            return cmdlets;
        }
    }
}
