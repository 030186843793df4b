using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Emulator.Dialects.FastApi
{
    /// <summary>
    /// One entry of a FastAPI/pydantic v2 validation error (<c>type</c>, <c>loc</c>, <c>msg</c>, <c>input</c>, <c>ctx</c>),
    /// written either as FastAPI's 422 JSON item or as the Python repr vLLM puts into its 400 message.
    /// Messages are pydantic-core 2.x wording.
    /// </summary>
    internal sealed record ValidationIssue(string Type, IReadOnlyList<string> Loc, string Msg, string? Input, IReadOnlyList<(string Key, object Value)> Ctx)
    {
        public static ValidationIssue Missing(string location, string field) =>
            new ValidationIssue("missing", new[] { location, field }, "Field required", null, NoContext);

        public static ValidationIssue IntParsing(string location, string field, string input) =>
            new ValidationIssue("int_parsing", new[] { location, field }, "Input should be a valid integer, unable to parse string as an integer", input, NoContext);

        public static ValidationIssue FloatParsing(string location, string field, string input) =>
            new ValidationIssue("float_parsing", new[] { location, field }, "Input should be a valid number, unable to parse string as a number", input, NoContext);

        public static ValidationIssue PatternMismatch(string location, string field, string input, string pattern) =>
            new ValidationIssue("string_pattern_mismatch", new[] { location, field }, $"String should match pattern '{pattern}'", input, new[] { ("pattern", (object)pattern) });

        public static ValidationIssue GreaterThanEqual(string location, string field, string input, int bound) =>
            new ValidationIssue("greater_than_equal", new[] { location, field }, $"Input should be greater than or equal to {bound}", input, new[] { ("ge", (object)bound) });

        public static ValidationIssue LessThanEqual(string location, string field, string input, int bound) =>
            new ValidationIssue("less_than_equal", new[] { location, field }, $"Input should be less than or equal to {bound}", input, new[] { ("le", (object)bound) });

        public static ValidationIssue Literal(string location, string field, string input, params string[] allowed)
        {
            string expected = string.Join(" or ", allowed.Select(value => $"'{value}'"));
            return new ValidationIssue("literal_error", new[] { location, field }, $"Input should be {expected}", input, new[] { ("expected", (object)expected) });
        }

        private static readonly (string, object)[] NoContext = System.Array.Empty<(string, object)>();

        /// <summary>The FastAPI 422 item: <c>{"type", "loc", "msg", "input", "ctx"?}</c>.</summary>
        public IReadOnlyDictionary<string, object?> ToJson()
        {
            var item = new Dictionary<string, object?> { ["type"] = Type, ["loc"] = Loc, ["msg"] = Msg, ["input"] = Input };
            if (Ctx.Count > 0)
            {
                item["ctx"] = Ctx.ToDictionary(pair => pair.Key, pair => pair.Value);
            }

            return item;
        }

        /// <summary>Python's <c>repr</c> of the error dict, as <c>f"{err}"</c> prints it.</summary>
        public string ToPythonRepr()
        {
            var parts = new List<string>
            {
                "'type': " + PythonRepr.Of(Type),
                "'loc': (" + string.Join(", ", Loc.Select(PythonRepr.Of)) + ")",
                "'msg': " + PythonRepr.Of(Msg),
                "'input': " + PythonRepr.Of(Input),
            };
            if (Ctx.Count > 0)
            {
                parts.Add("'ctx': {" + string.Join(", ", Ctx.Select(pair => PythonRepr.Of(pair.Key) + ": " + PythonRepr.Of(pair.Value))) + "}");
            }

            return "{" + string.Join(", ", parts) + "}";
        }

        /// <summary>The <c>loc</c> joined with dots (<c>body.prompt</c>), as vLLM reports it in <c>param</c>.</summary>
        public string DottedLocation => string.Join(".", Loc);
    }
}
