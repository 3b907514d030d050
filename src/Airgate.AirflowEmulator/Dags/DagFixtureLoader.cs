using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Dags;

/// <summary>Reads DAG fixtures and synthesises DAGs, refusing anything Airflow would not parse (unknown fields, cycles, dangling ids).</summary>
internal static class DagFixtureLoader
{
    private static readonly JsonSerializerOptions FixtureJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<DagDefinition> Load(EmulatorOptions options)
    {
        var dags = new List<DagDefinition>();
        if (options.FixturesPath is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The emulator fixtures folder '{folder}' does not exist.");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                dags.Add(LoadFile(file));
            }
        }

        foreach (var generated in options.GeneratedDags)
        {
            if (!dags.Exists(d => d.DagId == generated.DagId))
            {
                dags.Add(Generate(generated));
            }
        }

        var duplicate = dags.GroupBy(d => d.DagId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The DAG id '{duplicate.Key}' is defined by more than one fixture.");
        }

        return dags;
    }

    public static DagDefinition LoadFile(string file)
    {
        DagFixture? fixture;
        try
        {
            fixture = JsonSerializer.Deserialize<DagFixture>(File.ReadAllText(file), FixtureJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not a DAG fixture: {e.Message}", e);
        }

        return FromFixture(fixture ?? throw new InvalidDataException($"{file}: empty fixture."), file);
    }

    public static DagDefinition FromFixture(DagFixture fixture, string source)
    {
        if (fixture.Unknown is { Count: > 0 } unknownDagFields)
        {
            throw new InvalidDataException($"{source}: unknown field(s) {string.Join(", ", unknownDagFields.Select(kv => kv.Key))}.");
        }

        if (string.IsNullOrWhiteSpace(fixture.DagId))
        {
            throw new InvalidDataException($"{source}: 'dag_id' is required.");
        }

        if (fixture.Tasks is not { Count: > 0 })
        {
            throw new InvalidDataException($"{source}: DAG '{fixture.DagId}' needs at least one task in 'tasks'.");
        }

        var tasks = fixture.Tasks.Select(t => ToTask(t, source)).ToList();
        return new DagDefinition
        {
            DagId = fixture.DagId,
            DisplayName = fixture.DagDisplayName,
            Description = fixture.Description,
            Owners = fixture.Owners ?? ["airflow"],
            Tags = fixture.Tags ?? [],
            IsPaused = fixture.IsPaused,
            DocMd = fixture.DocMd,
            TimetableSummary = fixture.TimetableSummary,
            Tasks = TopologicalOrder(tasks, $"{source}: DAG '{fixture.DagId}'"),
            Params = ToParams(fixture.Params, source),
        };
    }

    public static DagDefinition Generate(GeneratedDag generated)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generated.DagId);
        if (generated.TaskIds.Count == 0)
        {
            throw new InvalidDataException($"The generated DAG '{generated.DagId}' needs at least one task.");
        }

        var tasks = generated.TaskIds
            .Select((id, i) => new TaskDefinition
            {
                TaskId = id,
                DownstreamTaskIds = i + 1 < generated.TaskIds.Count ? [generated.TaskIds[i + 1]] : [],
            })
            .ToList();
        return new DagDefinition
        {
            DagId = generated.DagId,
            Description = generated.Description,
            Tasks = TopologicalOrder(tasks, $"generated DAG '{generated.DagId}'"),
        };
    }

    private static TaskDefinition ToTask(TaskFixture task, string source)
    {
        if (task.Unknown is { Count: > 0 } unknown)
        {
            throw new InvalidDataException($"{source}: task '{task.TaskId}': unknown field(s) {string.Join(", ", unknown.Select(kv => kv.Key))}.");
        }

        if (string.IsNullOrWhiteSpace(task.TaskId))
        {
            throw new InvalidDataException($"{source}: every task needs a 'task_id'.");
        }

        if (task.IsMapped != task.MapCount is not null || task.MapCount is < 1)
        {
            throw new InvalidDataException($"{source}: task '{task.TaskId}': a mapped task has 'is_mapped': true and 'map_count' >= 1, an unmapped one neither.");
        }

        return new TaskDefinition
        {
            TaskId = task.TaskId,
            DisplayName = task.TaskDisplayName,
            OperatorName = task.OperatorName ?? "PythonOperator",
            DownstreamTaskIds = task.DownstreamTaskIds ?? [],
            MapCount = task.MapCount,
            DocMd = task.DocMd,
        };
    }

    private static List<ParamDefinition> ToParams(JsonObject? node, string source)
    {
        var result = new List<ParamDefinition>();
        foreach (var (name, value) in node ?? [])
        {
            if (value is not JsonObject param)
            {
                throw new InvalidDataException($"{source}: param '{name}' must be an object with 'value', 'description' and 'schema'.");
            }

            var schema = param["schema"] as JsonObject ?? [];
            result.Add(new ParamDefinition(
                name,
                param["value"]?.DeepClone(),
                param.ContainsKey("value"),
                param["description"]?.GetValue<string>(),
                (JsonObject)schema.DeepClone()));
        }

        return result;
    }

    private static List<TaskDefinition> TopologicalOrder(List<TaskDefinition> tasks, string where)
    {
        var byId = new Dictionary<string, TaskDefinition>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!byId.TryAdd(task.TaskId, task))
            {
                throw new InvalidDataException($"{where}: task id '{task.TaskId}' appears twice.");
            }
        }

        var indegree = tasks.ToDictionary(t => t.TaskId, _ => 0, StringComparer.Ordinal);
        foreach (var downstream in tasks.SelectMany(t => t.DownstreamTaskIds))
        {
            if (!indegree.TryGetValue(downstream, out var count))
            {
                throw new InvalidDataException($"{where}: downstream task '{downstream}' does not exist.");
            }

            indegree[downstream] = count + 1;
        }

        // Kahn's algorithm, taking ready tasks in declaration order so the result is stable.
        var ordered = new List<TaskDefinition>();
        var ready = new List<TaskDefinition>(tasks.Where(t => indegree[t.TaskId] == 0));
        while (ready.Count > 0)
        {
            var next = ready[0];
            ready.RemoveAt(0);
            ordered.Add(next);
            foreach (var downstream in next.DownstreamTaskIds)
            {
                if (--indegree[downstream] == 0)
                {
                    ready.Add(byId[downstream]);
                    ready.Sort((a, b) => tasks.IndexOf(a).CompareTo(tasks.IndexOf(b)));
                }
            }
        }

        if (ordered.Count != tasks.Count)
        {
            throw new InvalidDataException($"{where}: the downstream ids form a cycle.");
        }

        return ordered;
    }
}
