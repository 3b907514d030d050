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
            "--outdir /r --max_memory '32 GB' --max_cpus 4 --min_confidence 0.1 --skip_qc false --wf kraken2 --keep "
            + "--samples '[{\"sample\":\"a\",\"r1\":\"it'\\''s.fq\"}]' --opts '{\"k\":\"v\"}'");
    }

    [Fact]
    public void Render_NamesThatAlreadyCarryDashes_AreWrittenAsTheyAre()
    {
        var options = Fixtures.Object("""{"-profile": "aws", "--bactopia": "s3://bucket/run", "max_cpus": 8, "-resume": true}""");

        PosixShell.Render(options).ShouldBe("-profile aws --bactopia s3://bucket/run --max_cpus 8 -resume");
    }

    public static TheoryData<string> AwkwardParameters => new()
    {
        """{"outdir": "/data/my results", "note": "it's \"quoted\"", "cost": "$HOME `id` $(id)", "path": "C:\\temp\\x"}""",
        """{"multi": "line one\nline two\n", "tab": "a\tb", "empty": "", "unicode": "Müller–Ørsted 菌 🦠", "dash": "-x"}""",
        """{"on": true, "off": false, "n": 4, "pi": 3.14159265358979323846264338327950288, "big": 1e400, "neg": -0.0}""",
        """{"list": ["a b", "c'd", 1, null], "obj": {"k": "v w", "n": [1, 2]}, "-profile": "aws,docker", "--max_memory": "8 GB"}""",
        """{"glob": "*.fq.gz", "semi": "a;b|c&d>e<f", "hash": "#not a comment", "tilde": "~/x", "bang": "!event"}""",
    };

    [Theory]
    [MemberData(nameof(AwkwardParameters))]
    public async Task Render_ThroughSh_GivesExactlyTheArgvTheParametersSay(string parameters)
    {
        var options = Fixtures.Object(parameters);
        var rendered = PosixShell.Render(options);

        var argv = await ShellArgvAsync(rendered);

        argv.ShouldBe(ExpectedArgv(options), rendered);
    }

    /// <summary>What a program must receive: the flag (as written when it starts with '-'), then the value's text.</summary>
    private static List<string> ExpectedArgv(System.Text.Json.Nodes.JsonObject options)
    {
        var relaxed = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var argv = new List<string>();
        foreach (var (key, value) in options)
        {
            if (value is null)
            {
                continue;
            }

            argv.Add(key.StartsWith('-') ? key : "--" + key);
            switch (value.GetValueKind())
            {
                case System.Text.Json.JsonValueKind.True:
                    break;
                case System.Text.Json.JsonValueKind.False:
                    argv.Add("false");
                    break;
                case System.Text.Json.JsonValueKind.String:
                    argv.Add(value.GetValue<string>());
                    break;
                default:
                    argv.Add(value.ToJsonString(relaxed));
                    break;
            }
        }

        return argv;
    }

    /// <summary>Runs the string as the arguments of a command in sh and returns the argv sh built.</summary>
    private static async Task<List<string>> ShellArgvAsync(string rendered)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s\\0' " + rendered);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return [.. output.Split('\0')[..^1]];
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
