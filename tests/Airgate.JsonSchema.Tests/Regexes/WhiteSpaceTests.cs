using System.Text.Json;

namespace Airgate.JsonSchema.Tests.Regexes;

public class WhiteSpaceTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        // ECMA-262's \s is WhiteSpace and LineTerminator: U+FEFF and the Zs spaces, not U+0085 (NEXT LINE).
        { "^\\s$", "\u0085", false },
        { "^\\S$", "\u0085", true },
        { "^[\\s]$", "\u0085", false },
        { "^[\\S]$", "\u0085", true },
        { "^\\s$", "\uFEFF", true },
        { "^\\S$", "\uFEFF", false },
        { "^[\\S]$", "\uFEFF", false },
        { "^[^\\S]$", "\uFEFF", true },
        { "^[^\\s]$", "\uFEFF", false },
        { "^[\\S]$", "x", true },
        { "^[\\S]$", "\u3000", false },
        { "^[\\S]$", "\u2029", false },
        { "^[\\S]$", "\u200B", true },
        { "^[^\\S]$", "\u00A0", true },
        { "^[\\S\\d]+$", "a1", true },
        { "^\\s+$", "\t\n\u000B\f\r \u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF", true },
        { "^[\\s]+$", "\u180E", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern_WhiteSpaceClass_FollowsEcma262(string pattern, string value, bool expected)
    {
        var schema = Schemas.Compile(JsonSerializer.Serialize(new Dictionary<string, string> { ["pattern"] = pattern }));

        schema.IsValid(JsonSerializer.SerializeToElement(value)).ShouldBe(expected);
    }
}
