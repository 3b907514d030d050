using System.Reflection;

namespace Airgate.ApiDocs;

/// <summary>The interactive API page, read once from the embedded <c>docs.html</c>.</summary>
internal static class DocsPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Airgate.ApiDocs.docs.html")
            ?? throw new InvalidOperationException("The embedded docs page is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
