using System.CommandLine;

namespace MesaSpec.Cli.Parsing;

/// <summary>The options several verbs share, declared here once (each verb gets its own instance of the same declaration).</summary>
internal static class SharedOptions
{
    public static Option<int?> Seeds() => CliOptions.WholeNumber("--seeds", 1, 1000, "run seeds 0..N-1 instead of the spec's seeds (a quick look)");

    public static Option<int?> Threads() => CliOptions.WholeNumber("--threads", 1, 256, "LibTorch threads (default 1; results are identical for the same seed and threads)");

    public static Option<bool> Json(string description) => CliOptions.Flag("--json", description);

    public static Option<string?> Database() => CliOptions.Text("--db", "PATH", "the run history (default: .mesaspec/runs.db in the workspace of the current folder)");
}
