namespace Airgate.Core.Parameters.Tests;

public sealed class PosixShellTests
{
    public static TheoryData<string, string> Words => new()
    {
        { "plain", "plain" },
        { "/data/SA-001_R1.fastq.gz", "/data/SA-001_R1.fastq.gz" },
        { "32 GB", "'32 GB'" },
        { "", "''" },
        { "it's", "'it'\\''s'" },
        { "'", "''\\'''" },
        { "\"double\"", "'\"double\"'" },
        { "$HOME", "'$HOME'" },
        { "`rm -rf /`", "'`rm -rf /`'" },
        { "$(id)", "'$(id)'" },
        { "a\nb", "'a\nb'" },
        { "tab\there", "'tab\there'" },
        { "Staphylococcus aureus", "'Staphylococcus aureus'" },
        { "Müller–Ørsted 菌", "'Müller–Ørsted 菌'" },
        { "a;b|c&d>e", "'a;b|c&d>e'" },
        { "*.fq", "'*.fq'" },
        { "back\\slash", "'back\\slash'" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Quote_Word_IsOneSafeShellWord(string word, string expected)
    {
        PosixShell.Quote(word).ShouldBe(expected);
    }

    [Fact]
    public void Render_Options_WritesKeyValuePairsInOrder()
    {
        var options = Fixtures.Object("""
            {"outdir": "/r", "max_memory": "32 GB", "max_cpus": 4, "min_confidence": 0.1, "skip_qc": false, "wf": "kraken2",
             "keep": true, "nothing": null, "samples": [{"sample": "a", "r1": "it's.fq"}], "opts": {"k": "v"}}
            """);

        PosixShell.Render(options).ShouldBe(
            "--outdir /r --max_memory '32 GB' --max_cpus 4 --min_confidence 0.1 --wf kraken2 --keep "
            + "--samples '[{\"sample\":\"a\",\"r1\":\"it'\\''s.fq\"}]' --opts '{\"k\":\"v\"}'");
    }

    [Fact]
    public void Render_NonAsciiInJson_StaysReadable()
    {
        PosixShell.Render(Fixtures.Object("""{"species": ["Müller–Ørsted 菌"]}""")).ShouldBe("--species '[\"Müller–Ørsted 菌\"]'");
    }

    [Fact]
    public void Render_UnsafeKey_IsQuotedToo()
    {
        PosixShell.Render(Fixtures.Object("""{"a b": "x"}""")).ShouldBe("'--a b' x");
    }

    [Fact]
    public void Render_Empty_IsEmpty()
    {
        PosixShell.Render([]).ShouldBe(string.Empty);
    }

    [Fact]
    public void Render_ThroughARealShell_ArrivesUnchanged()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var tricky = "it's $HOME `id` \"q\" \n Ørsted";
        var options = new System.Text.Json.Nodes.JsonObject { ["v"] = tricky };
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "eval \"set -- $1\"; printf '%s' \"$2\"", "sh", PosixShell.Render(options) },
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("no shell");
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();

        output.ShouldBe(tricky);
    }
}
