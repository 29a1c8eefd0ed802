using MesaSpec.Experiments.Metrics;
using MesaSpec.Experiments.Running;
using MesaSpec.Gridworld.Analysis;
using MesaSpec.Gridworld.Components;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.Runtime.Catalogue;
using MesaSpec.Runtime.Training;
using MesaSpec.Workspaces.Plugins;

namespace MesaSpec.Hosting;

/// <summary>How a spec is compiled and run by a host that trains: what differs between hosts is passed in.</summary>
/// <param name="Analyze">
/// Run the design analyzers (identifiability: planning on sampled levels, seconds to minutes per spec).
/// <c>mesaspec test</c> and the verifier skip them: they only warn, and what they would find as an error
/// (levels that cannot be generated) stops the run itself with the same message.
/// </param>
/// <param name="Plugins">Load the plugins of the workspace's manifest (false: <c>--no-plugins</c>, an untrusted workspace).</param>
/// <param name="AnalysisProgress">Told when each experiment's design analysis is done (<c>check --progress</c>).</param>
public sealed record HostOptions(ISourceResolver Resolver, bool Analyze = true, bool Plugins = true, IProgress<AnalysisProgress>? AnalysisProgress = null);

/// <summary>
/// The one composition root of the CLI (<c>check</c>, <c>run</c>, <c>test</c>) and the xunit verifier: the
/// built-in components of Language, Gridworld and Runtime plus the workspace's plugins, read through the same
/// entry point; the identifiability analyzer; the TorchSharp trainer. (The language server composes
/// descriptors only, without this project: it never loads the Runtime.)
/// </summary>
public static class SpecHost
{
    private static readonly WorkspaceComponents Components = new(
        [typeof(BuiltinComponents).Assembly, typeof(GridworldComponents).Assembly, typeof(ExperimentsComponents).Assembly, typeof(RuntimeComponents).Assembly],
        implementations: true);

    /// <summary>The assemblies whose code can change an outcome (a cached outcome is keyed by their build identity).</summary>
    public static IReadOnlyList<System.Reflection.Assembly> EngineAssemblies { get; } =
    [
        typeof(Compilation).Assembly,
        typeof(ComponentDescriptor).Assembly,
        typeof(GridworldComponents).Assembly,
        typeof(ExperimentRunner).Assembly,
        typeof(TorchTrainer).Assembly,
    ];

    /// <summary>TorchSharp's version as the Runtime was built against it: only the Runtime knows TorchSharp.</summary>
    public static Version? TorchSharpVersion { get; } =
        typeof(TorchTrainer).Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "TorchSharp")?.Version;

    /// <summary>The spec at <paramref name="path"/> with its imports, bound against the components its workspace declares.</summary>
    public static Compilation Compile(SourceText text, HostOptions options, CancellationToken cancellationToken = default)
    {
        var components = Components.For(text.Path, options.Plugins);
        return Compilation.Create(SyntaxTree.Parse(text), new CompilationOptions(
            Catalog: components.Catalog,
            Resolver: options.Resolver,
            Analyzers: options.Analyze ? Analyzers(options.AnalysisProgress) : [],
            HostDiagnostics: components.Diagnostics), cancellationToken);
    }

    /// <summary>The runner: reference policies need no trainer; trained policies get the TorchSharp one.</summary>
    public static ExperimentRunner Runner(RunOptions options) => new(new TorchTrainer(), options);

    /// <summary>The design analyzers, each telling <paramref name="progress"/> (when given) as it finishes an experiment.</summary>
    private static IReadOnlyList<IExperimentAnalyzer> Analyzers(IProgress<AnalysisProgress>? progress)
    {
        (IExperimentAnalyzer Analyzer, string Name)[] all =
        [
            (new IdentifiabilityExperimentAnalyzer(), "identifiability"),
            (new CurriculumExperimentAnalyzer(), "curriculum"),
        ];
        return all.Select(a => progress is null ? a.Analyzer : new ReportingAnalyzer(a.Analyzer, a.Name, progress)).ToList();
    }
}
