using System.Linq;
using System.Reflection;

namespace OpenAIVideos.Tests.Shared
{
    /// <summary>
    /// Reading attributes through MetadataLoadContext, where attributes cannot be instantiated, only read as data.
    /// Shared (as a linked file) by the test projects that check the cmdlet assembly's metadata.
    /// </summary>
    internal static class CustomAttributes
    {
        /// <summary>The one attribute of that full type name on <paramref name="member"/>, or null.</summary>
        public static CustomAttributeData? Attribute(MemberInfo member, string fullName) =>
            member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == fullName);

        /// <summary>A named argument's value (e.g. <c>Mandatory = true</c>), or <paramref name="fallback"/> when not set.</summary>
        public static T Named<T>(CustomAttributeData attribute, string name, T fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.MemberName == name)
                {
                    return (T)argument.TypedValue.Value!;
                }
            }

            return fallback;
        }
    }
}
