using MesaSpec.Workspaces.Files;
using MesaSpec.Cli.Input;
using MesaSpec.Experiments.Running;
using MesaSpec.Hosting;
using MesaSpec.Language.Binding;
using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Running;

/// <summary>
/// The CLI's side of <see cref="SpecHost"/>: its resolver (workspace-confined, with the checks untrusted input
/// needs) and its <c>--no-plugins</c> switch; <c>check</c>, <c>run</c> and <c>test</c> all compile through here.
/// </summary>
internal static class RunWiring
{
    /// <summary>The flag that keeps a workspace's plugins (code) from loading (check, run, test).</summary>
    public static System.CommandLine.Option<bool> NoPluginsOption() =>
        Parsing.CliOptions.Flag("--no-plugins", "do not load the workspace's plugins (mesaspec.json); their components are unknown");

    public static Compilation Compile(SpecFile file, CancellationToken cancellationToken, bool analyze = true, bool plugins = true,
        IProgress<AnalysisProgress>? analysisProgress = null) =>
        SpecHost.Compile(file.Text!, new HostOptions(new FileSystemSourceResolver(WorkspaceRoot.For(file.Path)), analyze, plugins, analysisProgress), cancellationToken);

    /// <summary>The runner: reference policies need no trainer; trained policies get the TorchSharp one.</summary>
    public static ExperimentRunner Runner(RunOptions options) => SpecHost.Runner(options);
}
