using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Registry;

/// <summary>
/// Resolves inheritance depth-first with memoisation: each profile is resolved, compiled and checked once, a cycle is
/// reported on every profile in it, and a profile whose parent failed fails too (with a problem that names the parent).
/// With <paramref name="embeddedParents"/> (CAPE's DynamoDB layout), a parent whose schema the profile already carries
/// under <c>$defs/&lt;reference&gt;</c> is taken from there and not looked up again.
/// </summary>
internal sealed class ProfileResolver(ProfileIndex index, IReadOnlySet<ProfileFile> rejected, List<RegistryProblem> problems, bool embeddedParents = false)
{
    private readonly Dictionary<ProfileFile, Outcome> _outcomes = [];
    private readonly List<Frame> _stack = [];
    private readonly HashSet<ProfileFile> _inCycle = [];

    public IReadOnlyList<ResolvedProfile> ResolveAll(IEnumerable<ProfileFile> files)
    {
        var resolved = new List<ResolvedProfile>();
        foreach (var file in files)
        {
            if (Visit(file).Profile is { } profile)
            {
                resolved.Add(profile);
            }
        }

        return resolved;
    }

    private Outcome Visit(ProfileFile file)
    {
        if (_outcomes.TryGetValue(file, out var known))
        {
            return known;
        }

        if (rejected.Contains(file))
        {
            return _outcomes[file] = Outcome.Failed;
        }

        _outcomes[file] = Outcome.Visiting;
        var frame = new Frame(file);
        _stack.Add(frame);
        var parents = new List<InheritanceLayout.Parent>();
        var embedded = new List<string>();
        var ancestors = new List<string>();
        var ok = true;
        for (var i = 0; i < file.Profile.Inherits.Count; i++)
        {
            frame.Index = i;
            var reference = file.Profile.Inherits[i];
            var pointer = JsonPointer.Append(ProfileFile.InheritsPointer, i);
            if (embeddedParents && CarriesParent(file, reference))
            {
                embedded.Add(reference);
                if (!ancestors.Contains(reference, StringComparer.Ordinal))
                {
                    ancestors.Add(reference);
                }

                continue;
            }

            var parent = index.Find(reference, allowStem: true);
            if (parent is null)
            {
                problems.Add(new RegistryProblem(file.File, pointer, $"Unknown parent: {index.Unknown(reference, allowStem: true)}"));
                ok = false;
                continue;
            }

            if (_outcomes.TryGetValue(parent, out var state) && state == Outcome.Visiting)
            {
                ReportCycle(parent);
                ok = false;
                continue;
            }

            var outcome = Visit(parent);
            if (outcome.Profile is not { } resolvedParent || outcome.Schema is null)
            {
                if (!_inCycle.Contains(file))
                {
                    problems.Add(new RegistryProblem(file.File, pointer, $"Inherits '{reference}' ({parent.File}), which is not loaded because of its own problems."));
                }

                ok = false;
                continue;
            }

            parents.Add(new InheritanceLayout.Parent(i, reference, outcome.Schema));
            foreach (var id in (string[])[resolvedParent.Id, .. resolvedParent.Ancestors])
            {
                if (!ancestors.Contains(id, StringComparer.Ordinal))
                {
                    ancestors.Add(id);
                }
            }
        }

        _stack.RemoveAt(_stack.Count - 1);
        var result = ok ? Build(file, parents, embedded, ancestors) : Outcome.Failed;
        return _outcomes[file] = result;
    }

    private static bool CarriesParent(ProfileFile file, string reference) =>
        file.Profile.ParametersSchema.ValueKind == JsonValueKind.Object
        && file.Profile.ParametersSchema.TryGetProperty("$defs", out var defs)
        && defs.ValueKind == JsonValueKind.Object
        && defs.TryGetProperty(reference, out _);

    private Outcome Build(ProfileFile file, List<InheritanceLayout.Parent> parents, List<string> embedded, List<string> ancestors)
    {
        var conflicts = new List<(string Pointer, string Message)>();
        var own = JsonNode.Parse(file.Profile.ParametersSchema.GetRawText()) ?? JsonValue.Create(true);
        if (embedded.Count > 0)
        {
            InheritanceLayout.NormaliseEmbedded((JsonObject)own, embedded, conflicts);
        }

        var schema = InheritanceLayout.Compose(own, parents, conflicts);
        foreach (var (pointer, message) in conflicts)
        {
            problems.Add(pointer.Length == 0
                ? new RegistryProblem(file.SchemaFileName, file.SchemaPointer, message)
                : new RegistryProblem(file.File, ProfileFile.InheritsPointer + pointer, message));
        }

        if (schema is null || conflicts.Count > 0)
        {
            return Outcome.Failed;
        }

        var element = JsonSerializer.SerializeToElement(schema);
        var validator = SchemaChecks.Compile(file, element, problems);
        // Defaults are checked even when the whole schema failed to compile, so one run reports both kinds of problem.
        var defaultsHold = SchemaChecks.DefaultsAndConstsHold(file, element, problems, reportCompileFailures: validator is not null);
        if (validator is null || !defaultsHold)
        {
            return Outcome.Failed;
        }

        var profile = new ResolvedProfile
        {
            Profile = file.Profile,
            File = file.File,
            Form = file.Form,
            ResolvedSchema = element,
            Validator = validator,
            Ancestors = ancestors,
        };
        return new Outcome(profile, schema);
    }

    private void ReportCycle(ProfileFile closingParent)
    {
        var start = _stack.FindIndex(f => f.File == closingParent);
        var members = _stack.Skip(start).ToList();
        var path = string.Join(" → ", members.Select(f => f.File.Profile.Id).Append(closingParent.Profile.Id));
        foreach (var member in members)
        {
            if (_inCycle.Add(member.File))
            {
                problems.Add(new RegistryProblem(member.File.File, JsonPointer.Append(ProfileFile.InheritsPointer, member.Index), $"Inheritance cycle: {path}. A profile cannot inherit from itself, directly or through others."));
            }
        }
    }

    private sealed class Frame(ProfileFile file)
    {
        public ProfileFile File { get; } = file;

        public int Index { get; set; }
    }

    // A class, not a record: Failed and Visiting must differ by reference though their values are equal.
    private sealed class Outcome(ResolvedProfile? profile, JsonNode? schema)
    {
        public ResolvedProfile? Profile { get; } = profile;

        public JsonNode? Schema { get; } = schema;

        public static readonly Outcome Failed = new(null, null);
        public static readonly Outcome Visiting = new(null, null);
    }
}
