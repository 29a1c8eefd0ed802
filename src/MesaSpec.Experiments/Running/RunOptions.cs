namespace MesaSpec.Experiments.Running;

/// <summary>
/// How to run (never what): threads and device change speed, not results for a fixed thread count.
/// <see cref="SeedCount"/> overrides the spec's seeds (0..n-1) when given, e.g. for a quick look.
/// <see cref="ResumeFrom"/> (a checkpoint file or a run folder, <see cref="ResumePoint"/>) gives the models their initial weights.
/// <see cref="ScoresEvery"/> (training steps, 0: off) evaluates the model that often during training, for the report's
/// scores over training; it costs evaluation time and changes no other number.
/// </summary>
public sealed record RunOptions(
    int Threads = 1,
    string Device = "cpu",
    string? CheckpointDirectory = null,
    int? SeedCount = null,
    int SamplesPerEnvironment = 3,
    string? ResumeFrom = null,
    long ScoresEvery = 0);
