using System.Text.Json;
using Airgate.Core.Manifests;
using Airgate.Core.Profiles;

namespace Airgate.Core.Registry;

/// <summary>
/// Loads a registry as a pure function of its files. Every problem is collected and loading never stops; any file with
/// a problem (and any profile or manifest that depends on one) is left out of the snapshot.
/// </summary>
public static class RegistryLoader
{
    // A key written twice is almost always an editing slip, and which copy wins differs between tools: refuse it.
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// Loads every <c>*.json</c> file below <paramref name="directory"/>, recursively. With the <paramref name="previous"/>
    /// snapshot (a reload), a profile or manifest whose file still exists but now has errors keeps its last good version.
    /// </summary>
    public static RegistrySnapshot Load(string directory, RegistrySnapshot? previous = null)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The registry directory '{root}' does not exist.");
        }

        var files = new List<KeyValuePair<string, string?>>();
        var problems = new List<RegistryProblem>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                files.Add(new(relative, File.ReadAllText(path)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problems.Add(new RegistryProblem(relative, string.Empty, $"The file cannot be read: {exception.Message}"));
            }
        }

        return Load(files!, problems, previous);
    }

    /// <summary>Loads files given as (path relative to the registry, JSON text) pairs; see <see cref="Load(string, RegistrySnapshot?)"/> for <paramref name="previous"/>.</summary>
    public static RegistrySnapshot Load(IEnumerable<KeyValuePair<string, string>> files, RegistrySnapshot? previous = null) => Load(files, [], previous);

    /// <summary>
    /// Loads documents that are not files (DynamoDB items, named by table and key): no file stems to inherit by, and a
    /// parent the profile already carries under <c>$defs/&lt;reference&gt;</c> is taken from there (CAPE's layout).
    /// </summary>
    public static RegistrySnapshot LoadItems(IEnumerable<KeyValuePair<string, string>> items, IEnumerable<RegistryProblem> problems, RegistrySnapshot? previous) =>
        Load(items, [.. problems], previous, fromItems: true);

    private static RegistrySnapshot Load(IEnumerable<KeyValuePair<string, string>> files, List<RegistryProblem> problems, RegistrySnapshot? previous, bool fromItems = false)
    {
        var parsed = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var unparsable = new HashSet<string>(StringComparer.Ordinal);
        var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        foreach (var (file, text) in ordered)
        {
            if (Parse(file, text, problems) is { } root)
            {
                parsed[file] = root;
            }
            else
            {
                unparsable.Add(file);
            }
        }

        var schemaFiles = new SchemaFiles(parsed, unparsable);
        var profileFiles = new List<ProfileFile>();
        var manifestFiles = new List<ManifestFile>();
        var unclassified = new List<string>();
        foreach (var (file, _) in ordered)
        {
            if (!parsed.TryGetValue(file, out var root))
            {
                continue;
            }

            var isProfile = ProfileReader.LooksLikeProfile(root);
            var isManifest = ManifestReader.LooksLikeManifest(root);
            if (isProfile && isManifest)
            {
                problems.Add(new RegistryProblem(file, string.Empty, "The file has both profile fields (id/pipelineId, parameters schema) and a manifest's dag_id; split it into a profile and a manifest."));
            }
            else if (isProfile && ProfileReader.Read(file, root, problems, schemaFiles) is { } profile)
            {
                profileFiles.Add(profile);
            }
            else if (isManifest && (ManifestReader.Read(file, root, problems) ?? ManifestReader.Placeholder(file, root)) is { } manifest)
            {
                manifestFiles.Add(manifest);
            }
            else if (!isProfile && !isManifest)
            {
                unclassified.Add(file);
            }
        }

        // A file a profile names as its parameter schema (a nextflow_schema.json) is neither, and rightly so.
        foreach (var file in unclassified.Where(f => !schemaFiles.IsUsed(f)))
        {
            problems.Add(new RegistryProblem(file, string.Empty, "Neither a pipeline profile (needs 'id' or 'pipelineId' and a parameters schema) nor a workflow manifest (needs 'dag_id'), and no profile names it in 'parameters_schema_file'."));
        }

        var index = new ProfileIndex(profileFiles, fileStems: !fromItems);
        var rejected = new HashSet<ProfileFile>();
        ReportDuplicates(index.DuplicateIds, f => f.IdPointer, f => $"The id '{f.Profile.Id}'", rejected, problems);
        ReportDuplicates(index.DuplicateNameAtVersions, f => f.NamePointer, f => $"The name@version '{f.Profile.NameAtVersion}'", rejected, problems);
        foreach (var file in profileFiles.Where(f => !rejected.Contains(f)))
        {
            if (!SchemaChecks.MeetsMetaSchema(file, problems))
            {
                rejected.Add(file);
            }
        }

        var resolved = new ProfileResolver(index, rejected, problems, embeddedParents: fromItems).ResolveAll(profileFiles);
        if (previous is not null)
        {
            resolved = LastGood.KeepProfiles(previous, resolved, parsed.Keys.Concat(unparsable).ToHashSet(StringComparer.Ordinal), problems);
        }

        var loaded = resolved.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var manifests = ManifestChecker.Check(manifestFiles, index, loaded, problems);
        if (previous is not null)
        {
            manifests = LastGood.KeepManifests(previous, manifests, loaded, problems);
        }
        var sorted = problems.Select((p, i) => (p, i)).OrderBy(x => x.p.File, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.p);
        return new RegistrySnapshot(resolved, manifests, sorted);
    }

    private static JsonElement? Parse(string file, string text, List<RegistryProblem> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(text, ParseOptions);
            // A lone surrogate escape parses, but would throw wherever the text is read later: refuse the file now.
            if (Json.StrictJson.Check(System.Text.Encoding.UTF8.GetBytes(text), maxDepth: 10_000) is { Kind: Json.StrictJsonErrorKind.InvalidUnicode } odd)
            {
                problems.Add(new RegistryProblem(file, odd.Pointer, odd.Message));
                return null;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RegistryProblem(file, string.Empty, $"The file holds {DocumentReader.Describe(document.RootElement)}; a profile or manifest is a JSON object."));
                return null;
            }

            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            // JsonException counts lines and bytes from zero; editors count from one.
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}" : string.Empty;
            problems.Add(new RegistryProblem(file, string.Empty, $"Invalid JSON{where}: {FirstSentence(exception.Message)}"));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own zero-based position; ours, one-based, is already in front.
        foreach (var marker in (string[])[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }

    private static void ReportDuplicates(
        IEnumerable<IReadOnlyList<ProfileFile>> groups,
        Func<ProfileFile, string> pointer,
        Func<ProfileFile, string> what,
        HashSet<ProfileFile> rejected,
        List<RegistryProblem> problems)
    {
        foreach (var group in groups)
        {
            foreach (var file in group)
            {
                var others = string.Join(", ", group.Where(g => g != file).Select(g => g.File));
                problems.Add(new RegistryProblem(file.File, pointer(file), $"{what(file)} is also used by {others}; ids and name@version must be unique, so neither file is loaded."));
                rejected.Add(file);
            }
        }
    }
}
