using Airgate.Core.Profiles;

namespace Airgate.Core.Registry;

/// <summary>Finds profile files by id, <c>name@version</c> or (for <c>inherits</c>) file stem, among every profile read.</summary>
internal sealed class ProfileIndex
{
    private readonly Dictionary<string, List<ProfileFile>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProfileFile>> _byNameAtVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProfileFile>> _byStem = new(StringComparer.Ordinal);
    private readonly bool _fileStems;

    /// <param name="files">Every profile read.</param>
    /// <param name="fileStems">Whether profiles came from files whose stems <c>inherits</c> may name (not DynamoDB items).</param>
    public ProfileIndex(IEnumerable<ProfileFile> files, bool fileStems = true)
    {
        _fileStems = fileStems;
        foreach (var file in files)
        {
            Add(_byId, file.Profile.Id, file);
            Add(_byNameAtVersion, file.Profile.NameAtVersion, file);
            if (fileStems)
            {
                Add(_byStem, file.Stem, file);
            }
        }
    }

    public IEnumerable<IReadOnlyList<ProfileFile>> DuplicateIds => _byId.Values.Where(v => v.Count > 1);

    public IEnumerable<IReadOnlyList<ProfileFile>> DuplicateNameAtVersions => _byNameAtVersion.Values.Where(v => v.Count > 1);

    /// <summary>The file a reference names, trying id, then <c>name@version</c>, then (when allowed) a unique file stem.</summary>
    public ProfileFile? Find(string reference, bool allowStem)
    {
        if (_byId.TryGetValue(reference, out var byId))
        {
            return byId[0];
        }

        if (_byNameAtVersion.TryGetValue(reference, out var byName))
        {
            return byName[0];
        }

        return allowStem && _byStem.TryGetValue(reference, out var byStem) && byStem.Count == 1 ? byStem[0] : null;
    }

    /// <summary>Explains why <see cref="Find"/> found nothing.</summary>
    public string Unknown(string reference, bool allowStem)
    {
        if (allowStem && _byStem.TryGetValue(reference, out var byStem) && byStem.Count > 1)
        {
            return $"'{reference}' is the file stem of several profiles ({string.Join(", ", byStem.Select(f => f.File))}); refer to one by its id.";
        }

        if (allowStem && !_fileStems)
        {
            // DynamoDB items have no file names: CAPE copies a parent named by stem into the child's $defs instead.
            return $"'{reference}' is not a profile id or a name@version in the table, and the profile does not carry it in parametersSchema.$defs/{reference} (CAPE's layout for a parent named by file stem).";
        }

        var kinds = allowStem ? "a profile id, a name@version or the file stem of a profile" : "a profile id or a name@version";
        return $"'{reference}' is not {kinds} in this registry.";
    }

    private static void Add(Dictionary<string, List<ProfileFile>> index, string key, ProfileFile file)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(file);
    }
}
