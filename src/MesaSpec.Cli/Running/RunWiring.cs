using MesaSpec.Cli.Input;
using MesaSpec.Experiments.Running;
using MesaSpec.Gridworld.Analysis;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Runtime.Training;
using MesaSpec.Workspaces;

namespace MesaSpec.Cli.Running;

/// <summary>
/// How the CLI turns a spec file into runs, shared by <c>run</c> and <c>test</c> so both see the same imports
/// (workspace-confined), the same analyzers and the same trainer.
/// </summary>
internal static class RunWiring
{
    /// <param name="analyze">
    /// Run the design analyzers (identifiability: planning on sampled levels, seconds to minutes per spec).
    /// <c>test</c> skips them: they only warn, and what they would find as an error (levels that cannot be
    /// generated) stops the run itself with the same message.
    /// </param>
    public static Compilation Compile(SpecFile file, CancellationToken cancellationToken, bool analyze = true) =>
        Compilation.Create(SyntaxTree.Parse(file.Text!),
            new CompilationOptions(Resolver: new FileSystemSourceResolver(WorkspaceRoot.For(file.Path)), Analyzers: analyze ? [new IdentifiabilityExperimentAnalyzer()] : []),
            cancellationToken);

    /// <summary>The runner: reference policies need no trainer; trained policies get the TorchSharp one.</summary>
    public static ExperimentRunner Runner(RunOptions options) => new(new TorchTrainer(), options);
}
