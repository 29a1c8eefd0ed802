using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Baselines;

/// <summary>Every diagnostic the Language layer produces appears in at least one baseline.</summary>
public sealed class BaselineCoverageTests
{
    /// <summary>Codes the Language layer does not produce from a single file, and where they are tested instead.</summary>
    private static readonly Dictionary<string, string> ProducedElsewhere = new()
    {
        [DiagnosticCodes.InvalidUsage] = "CLI (MesaSpec.Cli.Tests)",
        [DiagnosticCodes.FileNotFound] = "CLI (MesaSpec.Cli.Tests)",
        [DiagnosticCodes.NoSpecsFound] = "CLI (MesaSpec.Cli.Tests)",
        [DiagnosticCodes.InvalidEncoding] = "CLI (MesaSpec.Cli.Tests)",
        [DiagnosticCodes.BinaryFile] = "CLI (MesaSpec.Cli.Tests)",
        [DiagnosticCodes.FileTooLarge] = "CLI (MesaSpec.Cli.Tests)",
        [DiagnosticCodes.FileUnreadable] = "CLI file reading",
        [DiagnosticCodes.NotARegularFile] = "Workspaces' SpecFileReader (MesaSpec.Cli.Tests/Input/SpecialFileTests)",
        [DiagnosticCodes.FileNotWritten] = "CLI fmt (MesaSpec.Cli.Tests/Format/FormatCommandTests)",
        [DiagnosticCodes.ImportUnreadable] = "Workspaces' DiskImports (MesaSpec.Cli.Tests/Input/SpecialFileTests, MesaSpec.LanguageServer.Tests/SpecialFileTests)",
        [DiagnosticCodes.OptionRepeated] = "CLI (MesaSpec.Cli.Tests/Shipping/CommandLineTests)",
        [DiagnosticCodes.UnknownDevice] = "CLI (MesaSpec.Cli.Tests/Shipping/CommandLineTests)",
        [DiagnosticCodes.ResponseFileUnreadable] = "CLI (MesaSpec.Cli.Tests/Shipping/CommandLineTests)",
        [DiagnosticCodes.UnknownShell] = "CLI (MesaSpec.Cli.Tests/Shipping/CommandLineTests)",
        [DiagnosticCodes.ClusterSubmissionFailed] = "CLI (MesaSpec.Cli.Tests/Cluster/SlurmArrayTests)",
        [DiagnosticCodes.UnknownClusterRun] = "CLI (MesaSpec.Cli.Tests/Cluster/ClusterCommandTests)",
        [DiagnosticCodes.RunFolderUnusable] = "CLI (MesaSpec.Cli.Tests/Cluster/ClusterCommandTests)",
        [DiagnosticCodes.ManifestInvalid] = "Workspaces' plugin loader (MesaSpec.Cli.Tests/Plugins)",
        [DiagnosticCodes.PluginNotFound] = "Workspaces' plugin loader (MesaSpec.Cli.Tests/Plugins)",
        [DiagnosticCodes.PluginFailed] = "Workspaces' plugin loader (MesaSpec.Cli.Tests/Plugins, MesaSpec.LanguageServer.Tests/PluginTests)",
        [DiagnosticCodes.PluginComponentUnpaired] = "Workspaces' plugin loader",
        [DiagnosticCodes.ExceptChainTooLong] = "LongChainPropertyTests (needs 65+ 'except's)",
        [DiagnosticCodes.ArithmeticTooLong] = "LongChainPropertyTests (needs 65+ operators)",
        [DiagnosticCodes.ExtendsChainTooLong] = "LongChainPropertyTests (needs 66+ environments)",
        [DiagnosticCodes.UnusualLineBreak] = "Parsing/LineBreakTests (baselines are plain text files)",
        [DiagnosticCodes.EmptyFile] = "Parsing/LineBreakTests (a baseline file is never empty)",
        [DiagnosticCodes.ModelTooLarge] = "Binding/ModelMemoryCheckTests (the limit is this machine's memory)",
        [DiagnosticCodes.TooManyErrors] = "RecoveryTests.Too_many_errors_are_summarised (needs 200+ errors)",
        [DiagnosticCodes.ObjectiveNotIdentifiable] = "Gridworld's IdentifiabilityExperimentAnalyzer",
        [DiagnosticCodes.LevelsCannotBeGenerated] = "Gridworld's IdentifiabilityExperimentAnalyzer",
        [DiagnosticCodes.PlannerLimitExceeded] = "Gridworld's IdentifiabilityExperimentAnalyzer",
        [DiagnosticCodes.PlannerStatesOverCap] = "Gridworld's IdentifiabilityExperimentAnalyzer (PlannerSizeCheck)",
        [DiagnosticCodes.CurriculumCannotPlan] = "Gridworld's CurriculumExperimentAnalyzer",
    };

    [Fact]
    public void Every_language_diagnostic_has_a_baseline()
    {
        var covered = Directory.EnumerateFiles(RepositoryFiles.Baselines, "diagnostics.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith("MS", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[0])
            .ToHashSet(StringComparer.Ordinal);
        var missing = DiagnosticCodes.All.Where(code => !covered.Contains(code) && !ProducedElsewhere.ContainsKey(code)).ToList();
        Assert.True(missing.Count == 0, "no baseline produces " + string.Join(", ", missing));
    }
}
