using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.FastApi
{
    /// <summary>
    /// The checks FastAPI makes on <c>Form(...)</c>/<c>File(...)</c> parameters before a handler runs, collecting every
    /// failure as pydantic does. A body that is not a form (JSON, say) reads as an empty form, as Starlette's
    /// <c>request.form()</c> does, so its fields are simply missing.
    /// </summary>
    internal sealed class FormValidation
    {
        private readonly FormData _form;

        private FormValidation(FormData form) => _form = form;

        /// <summary>Every failure so far, in parameter order.</summary>
        public List<ValidationIssue> Issues { get; } = new List<ValidationIssue>();

        public static Task<FormValidation> ReadAsync(ApiRequest request) => Task.FromResult(new FormValidation(request.ReadForm()));

        /// <summary>A text field; null when absent.</summary>
        public string? Text(string name) => _form.TryGetValue(name, out var values) ? values.ToString() : null;

        public FormFile? File(string name) => _form.Files.GetFile(name);

        /// <summary>A required text field (<c>Form(...)</c>).</summary>
        public string? Required(string name)
        {
            string? value = Text(name);
            if (value is null)
            {
                Issues.Add(ValidationIssue.Missing("body", name));
            }

            return value;
        }

        /// <summary>Fields typed <c>int | None</c>.</summary>
        public void Integers(params string[] names)
        {
            foreach (string name in names)
            {
                if (Text(name) is { } value && !long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    Issues.Add(ValidationIssue.IntParsing("body", name, value));
                }
            }
        }

        /// <summary>Fields typed <c>float | None</c>.</summary>
        public void Numbers(params string[] names)
        {
            foreach (string name in names)
            {
                if (Text(name) is { } value && !double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    Issues.Add(ValidationIssue.FloatParsing("body", name, value));
                }
            }
        }

        /// <summary>A field typed <c>Annotated[str, StringConstraints(pattern=…)]</c>.</summary>
        public void Pattern(string name, string pattern)
        {
            if (Text(name) is { } value && !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant))
            {
                Issues.Add(ValidationIssue.PatternMismatch("body", name, value, pattern));
            }
        }
    }
}
