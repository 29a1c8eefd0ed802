namespace MesaSpec.Experiments.Running;

/// <summary>
/// How to run (never what): threads and device change speed, not results for a fixed thread count.
/// <see cref="SeedCount"/> overrides the spec's seeds (0..n-1) when given, e.g. for a quick look.
/// <see cref="ResumeFrom"/> (a checkpoint file or a run folder, <see cref="ResumePoint"/>) gives the models their initial weights.
/// <see cref="ScoresEvery"/> (training steps, 0: off) evaluates the model that often during training, for the report's
/// scores over training; it costs evaluation time and changes no other number.
/// <see cref="SamplesPerEnvironment"/> (behaviour samples, with the policy's vector field) and <see cref="RecordedEpisodes"/>
/// (episodes per seed and environment kept for report.html's episode browser, as actions: <see cref="DefaultRecordedEpisodes"/>)
/// bound what report.json keeps of the policy's behaviour; neither changes a number.
/// </summary>
public sealed record RunOptions(
    int Threads = 1,
    string Device = "cpu",
    string? CheckpointDirectory = null,
    int? SeedCount = null,
    int SamplesPerEnvironment = RunOptions.DefaultSamplesPerEnvironment,
    string? ResumeFrom = null,
    long ScoresEvery = 0,
    int RecordedEpisodes = RunOptions.DefaultRecordedEpisodes)
{
    /// <summary>Two levels drawn with the vector field and value map per environment (the episode browser shows trajectories).</summary>
    public const int DefaultSamplesPerEnvironment = 2;

    /// <summary>
    /// Eight episodes per seed and environment (half on conflict levels where there are any): about 1 KB of report.json
    /// per eight, a line each; report.html re-simulates their frames.
    /// </summary>
    public const int DefaultRecordedEpisodes = 8;
}
