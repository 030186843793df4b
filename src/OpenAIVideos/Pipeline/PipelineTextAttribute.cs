using System;
using System.Management.Automation;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>
    /// On a text parameter (a prompt, a video id) that takes pipeline input: an object binds by its property of the
    /// parameter's name (or an alias), a string by value, and any other object is refused instead of being turned into
    /// its <c>ToString()</c>. The decision is <see cref="PipelineText"/>'s.
    /// </summary>
    /// <remarks>
    /// A refusal surfaces as PowerShell's <c>ParameterArgumentTransformationError</c> (category InvalidData, the object as
    /// target) for that input only; the pipeline goes on and nothing is sent for it.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PipelineTextAttribute : ArgumentTransformationAttribute
    {
        private readonly string[] _propertyNames;

        /// <summary>Looks up these properties (the parameter's name, then its aliases) on a bound object.</summary>
        public PipelineTextAttribute(params string[] propertyNames) => _propertyNames = propertyNames;

        /// <summary>True on an array parameter: each element of a list is resolved on its own.</summary>
        public bool Many { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            try
            {
                return PipelineText.Resolve(inputData, _propertyNames, FindProperty, Unwrap, Many);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentTransformationMetadataException(exception.Message, exception);
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static bool FindProperty(object value, string name, out object? propertyValue)
        {
            var property = PSObject.AsPSObject(value).Properties[name];
            propertyValue = property?.Value;
            return property is not null;
        }
    }
}
