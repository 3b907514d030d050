using Airgate.Core.Runs;
using Airgate.Storage.Sql;

namespace Airgate.Storage.Tests.Sql;

public sealed class RunSqlTests
{
    public static TheoryData<string, string> LikePatterns => new()
    {
        { "Alice%", "alice%" },
        { @"a\%b", @"a\%b" },
        { @"a\_b", @"a\_b" },
        { @"a\\b", @"a\\b" },
        { @"a\bc", "abc" },
        { @"trailing\", @"trailing\\" },
        { @"\", @"\\" },
        { "ÆRØ_", "ærø_" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(LikePatterns))]
    public void NormalizeLikePattern_UserPattern_KeepsOnlyCanonicalEscapesAndFoldsCase(string pattern, string expected)
    {
        RunSql.NormalizeLikePattern(pattern).ShouldBe(expected);
    }

    [Theory]
    [InlineData("run_after", "run_after ASC NULLS LAST, id ASC")]
    [InlineData("-run_after", "run_after DESC NULLS FIRST, id DESC")]
    [InlineData("-dag_run_id", "dag_run_id DESC NULLS FIRST, id DESC")]
    public void OrderBy_AllowedField_IsWhitelistedSql(string orderBy, string expected)
    {
        RunOrderBy.TryParse(orderBy, out var parsed).ShouldBeTrue();

        RunSql.OrderBy(parsed).ShouldBe(expected);
    }
}
