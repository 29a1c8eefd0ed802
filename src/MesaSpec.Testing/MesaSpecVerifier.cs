using MesaSpec.Workspaces.Files;
using System.Text;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Hosting;
using MesaSpec.Language.Text;
using MesaSpec.Testing.Running;
using MesaSpec.Workspaces;

namespace MesaSpec.Testing;

/// <summary>
/// Snapshot tests from C# test code, with the same received/verified workflow as <c>mesaspec test</c>:
/// <code>await MesaSpecVerifier.VerifyAsync("examples/cheese-in-the-corner.mesa");</code>
/// runs every experiment of the spec (or <paramref name="experiment"/>), compares each with
/// <c>&lt;spec&gt;.&lt;experiment&gt;.verified.json</c> beside it, and throws <see cref="SnapshotMismatchException"/>
/// with the readable diff when one changed, is new, or an expectation failed. A relative path is looked for
/// under the current folder and then under each folder above the test's output folder, so a test project finds
/// the repository's files.
/// </summary>
public static class MesaSpecVerifier
{
    public static Task<IReadOnlyList<ExperimentOutcome>> VerifyAsync(
        string specPath, SnapshotOptions? options = null, string? experiment = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Verify(specPath, options ?? new SnapshotOptions(), experiment, cancellationToken), cancellationToken);

    /// <summary>The runner every verification uses: the TorchSharp trainer, as <c>mesaspec run</c> has.</summary>
    public static ExperimentRunner DefaultRunner(RunOptions options) => SpecHost.Runner(options);

    private static IReadOnlyList<ExperimentOutcome> Verify(string specPath, SnapshotOptions options, string? experiment, CancellationToken cancellationToken)
    {
        var path = Locate(specPath);
        var root = WorkspaceRoot.For(path);
        var compilation = Compile(path, root, cancellationToken);
        if (compilation.HasErrors)
        {
            throw new SnapshotMismatchException($"{specPath} has errors:" + Environment.NewLine
                + string.Join(Environment.NewLine, compilation.Diagnostics.Where(d => d.IsError).Select(d => $"  {d.Code}: {d.Message}")));
        }
        var plans = compilation.Plans.Where(p => experiment is null || p.Name == experiment).ToList();
        if (plans.Count == 0)
        {
            throw new SnapshotMismatchException(experiment is null
                ? $"{specPath} declares no experiment"
                : $"{specPath} has no experiment '{experiment}' (experiments: {string.Join(", ", compilation.Plans.Select(p => p.Name))})");
        }
        var tester = new SnapshotTester(options, DefaultRunner);
        var outcomes = plans.Select(plan => tester.Test(path, root, compilation, plan, cancellationToken)).ToList();
        var failed = outcomes.Where(o => !o.Passed).ToList();
        if (failed.Count > 0)
        {
            throw new SnapshotMismatchException(Describe(failed));
        }
        return outcomes;
    }

    /// <summary>
    /// The spec at <paramref name="path"/> with its imports (confined to <paramref name="root"/>). Without the
    /// design analyzers, as <c>mesaspec test</c>: they only warn (<c>mesaspec check</c> shows them) and cost
    /// seconds to minutes of planning per spec.
    /// </summary>
    /// The workspace's plugins load, as with <c>mesaspec test</c>: a test project is trusted code.
    public static Compilation Compile(string path, string root, CancellationToken cancellationToken = default)
    {
        var file = SpecFileReader.Read(path);
        var text = file.Text ?? throw new InvalidOperationException($"{path}: {file.Problem?.Code}: {file.Problem?.Message}");
        return SpecHost.Compile(text, new HostOptions(new WorkspaceSourceResolver(root), Analyze: false), cancellationToken);
    }

    private static string Describe(IEnumerable<ExperimentOutcome> failed)
    {
        var text = new StringBuilder();
        foreach (var outcome in failed)
        {
            text.AppendLine($"{outcome.Experiment}{(outcome.Variant is null ? "" : $" [{outcome.Variant}]")}: {outcome.Summary}");
            foreach (var expectation in outcome.FailedExpectations)
            {
                text.AppendLine($"  expectation failed: {expectation}");
            }
            if (outcome.Diff is not null)
            {
                text.Append(outcome.Diff);
            }
            if (outcome.Status is SnapshotStatus.Changed or SnapshotStatus.New)
            {
                text.AppendLine($"  to accept: mesaspec test --accept, or {SnapshotOptions.AcceptVariable}=1, or move {outcome.Files.Received} to {Path.GetFileName(outcome.Files.Verified)}");
            }
        }
        return text.ToString();
    }

    private static string Locate(string specPath)
    {
        if (Path.IsPathRooted(specPath) || File.Exists(specPath))
        {
            return Path.GetFullPath(specPath);
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, specPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"spec '{specPath}' not found under {Directory.GetCurrentDirectory()} or any folder above {AppContext.BaseDirectory}", specPath);
    }
}
