namespace Airgate.Launchpad;

/// <summary>The launchpad, Airgate's own web page at <c>/</c> (<c>Airgate:Ui</c>).</summary>
internal sealed record LaunchpadOptions
{
    public const string SectionName = "Airgate:Ui";

    /// <summary>Serve the page at <c>/</c>; <c>airgate dev</c> always does. Off: <c>/</c> answers 404 and the API is unchanged.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Folder of the built page (<c>index.html</c> and <c>assets/</c>); empty = the <c>launchpad</c> folder beside the executable.</summary>
    public string? Path { get; init; }

    /// <summary>The folder the page is served from.</summary>
    public string Root => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "launchpad") : System.IO.Path.GetFullPath(Path);
}
