using System.Text.Json;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Cli.Cluster;

/// <summary>One task of a distributed run: which sweep point, which seed, and the seed's place in the run's seed list.</summary>
public sealed record ManifestTask(int Index, int Point, int Seed, int Position, IReadOnlyDictionary<string, string> Parameters);

/// <summary>How the tasks run: the <see cref="RunOptions"/> a local run would use.</summary>
public sealed record ManifestSettings(int Threads, string Device, int? SeedCount, int SamplesPerEnvironment, string CheckpointDirectory, string? ResumeFrom = null, long ScoresEvery = 0,
    int RecordedEpisodes = RunOptions.DefaultRecordedEpisodes)
{
    public RunOptions ToRunOptions() => new(Threads, Device, CheckpointDirectory, SeedCount, SamplesPerEnvironment, ResumeFrom, ScoresEvery, RecordedEpisodes);
}

/// <summary>
/// What a worker needs to run task <c>i</c> of a run without asking anyone: the spec (path and the hash of the text
/// it was submitted with, so a spec edited since is refused rather than silently mixed in), the experiment, the
/// settings, and every task's point and seed. Written once, before any task starts; never changed.
/// </summary>
public sealed record RunManifest(
    int Version,
    string Id,
    string Experiment,
    SpecInfo Spec,
    IReadOnlyList<int> Seeds,
    ManifestSettings Settings,
    IReadOnlyList<ManifestTask> Tasks,
    DateTimeOffset CreatedAt)
{
    public const int CurrentVersion = 1;

    public static RunManifest Create(string id, Language.Binding.ExperimentPlan plan, SpecInfo spec, RunOptions options)
    {
        var seeds = ExperimentRunner.SeedsOf(plan, options);
        var tasks = new List<ManifestTask>();
        for (var point = 0; point < plan.Points.Count; point++)
        {
            var parameters = plan.Points[point].Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
            for (var position = 0; position < seeds.Count; position++)
            {
                tasks.Add(new ManifestTask(tasks.Count, point, seeds[position], position, parameters));
            }
        }
        var settings = new ManifestSettings(options.Threads, options.Device, options.SeedCount, options.SamplesPerEnvironment,
            options.CheckpointDirectory ?? "checkpoints", options.ResumeFrom, options.ScoresEvery, options.RecordedEpisodes);
        return new RunManifest(CurrentVersion, id, plan.Name, spec, seeds, settings, tasks, DateTimeOffset.UtcNow);
    }

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    public static RunManifest? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(json, ReportJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
