using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Testing.Caching;
using MesaSpec.Testing.Comparison;
using MesaSpec.Testing.Snapshots;

namespace MesaSpec.Testing.Running;

/// <summary>
/// The received/verified workflow for one experiment: obtain the outcome (from the cache, or by running the
/// experiment with the spec's own settings), turn it into a snapshot, compare it with the verified file beside
/// the spec, write the received file on a mismatch or a new snapshot, and accept when asked. Accepting never
/// touches a verified file that matched: within-tolerance noise is not churned into the repository.
/// </summary>
public sealed class SnapshotTester(SnapshotOptions options, Func<RunOptions, ExperimentRunner> runners)
{
    public SnapshotOptions Options { get; } = options;

    /// <param name="specPath">Full path of the spec (the snapshot files go beside it).</param>
    /// <param name="workspaceRoot">Where <c>.mesaspec/cache/</c> lives unless <see cref="SnapshotOptions.CacheDirectory"/> says otherwise.</param>
    /// <param name="observer">Told of the run's progress when the experiment runs (not when its outcome is cached).</param>
    public ExperimentOutcome Test(
        string specPath, string workspaceRoot, Compilation compilation, ExperimentPlan plan, CancellationToken cancellationToken, IRunObserver? observer = null)
    {
        var clock = Stopwatch.StartNew();
        var variant = Options.Variant;
        var runnable = variant is null ? plan : plan with { Points = plan.Points.Select(variant.Apply).ToList() };
        var files = SnapshotFiles.For(specPath, plan.Name, variant?.Name);
        var seeds = Options.Seeds is { } n ? Enumerable.Range(0, n).ToList() : runnable.Points[0].Seeds.ToList();
        var key = CacheKey.For(plan.Name, compilation.Trees.Select(t => t.Text.Text), seeds, Options.CacheSettings, EngineIdentity.For(compilation.Catalog));
        var cache = new OutcomeCache(Options.CacheDirectory ?? OutcomeCache.InWorkspace(workspaceRoot).Directory);
        var tolerance = new ScoreTolerance(runnable.Points[0].Tolerance);

        var cached = Options.UseCache ? cache.TryGet(key) : null;
        var outcome = cached;
        if (outcome is null)
        {
            var report = Run(runnable, specPath, compilation, observer, cancellationToken);
            if (report.Status != RunStatus.Finished)
            {
                return new ExperimentOutcome
                {
                    SpecPath = specPath, Experiment = plan.Name, Variant = variant?.Name, Files = files,
                    Status = SnapshotStatus.RunFailed, Error = report.StatusDetail ?? report.Status.Word(), Duration = clock.Elapsed,
                };
            }
            outcome = new CachedOutcome(
                OutcomeSnapshot.From(report, tolerance, Path.GetDirectoryName(specPath)),
                report.Expectations.Where(e => !e.Passed).Select(e => $"line {e.Line}: {e.Text} ({e.Detail})").ToList());
            cache.Put(key, outcome);
        }

        var result = Compare(files, outcome.Snapshot, tolerance);
        return result with
        {
            SpecPath = specPath,
            Experiment = plan.Name,
            Variant = variant?.Name,
            Cached = cached is not null,
            Duration = clock.Elapsed,
            FailedExpectations = Options.RequireExpectations ? outcome.FailedExpectations : [],
        };
    }

    private RunReport Run(ExperimentPlan plan, string specPath, Compilation compilation, IRunObserver? observer, CancellationToken cancellationToken)
    {
        // Samples are left out of snapshots, so none are drawn; checkpoints are not kept.
        var runOptions = new RunOptions(Options.Threads, Options.Device, CheckpointDirectory: null, Options.Seeds, SamplesPerEnvironment: 0, RecordedEpisodes: 0);
        var spec = new SpecInfo(specPath, Sha256(compilation.MainTree.Text.Text), ExperimentRunner.DescribePolicy(plan.Points[0].Policy));
        var report = runners(runOptions).Run(plan, spec, observer, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return report;
    }

    private ExperimentOutcome Compare(SnapshotFiles files, JsonObject received, ScoreTolerance tolerance)
    {
        var receivedText = SnapshotJson.Write(received);
        var accept = Options.Accepting;
        if (!File.Exists(files.Verified))
        {
            Promote(files, receivedText, accept);
            return Outcome(files, accept ? SnapshotStatus.Accepted : SnapshotStatus.New);
        }

        var verifiedText = File.ReadAllText(files.Verified);
        var name = Path.GetFileName(files.Verified);
        if (SnapshotJson.Parse(verifiedText, out var problem) is not { } verified)
        {
            // A damaged file is no baseline: say so, rather than show it as a one-line difference. Accepting
            // replaces it, as the user asked.
            Promote(files, receivedText, accept);
            return accept
                ? Outcome(files, SnapshotStatus.Accepted)
                : Outcome(files, SnapshotStatus.VerifiedUnusable) with
                {
                    Error = $"{name} cannot be read: {problem}; fix or delete it, or accept {Path.GetFileName(files.Received)} with --accept",
                };
        }
        if (verified["snapshotSchema"] is JsonValue schemaValue && schemaValue.TryGetValue<int>(out var schema) && schema > OutcomeSnapshot.SchemaVersion)
        {
            // Never overwritten, not even by --accept: this mesaspec cannot tell what a newer one recorded.
            return Outcome(files, SnapshotStatus.VerifiedUnusable) with
            {
                Error = $"{name} was written by a newer mesaspec (snapshotSchema {schema}; this one writes {OutcomeSnapshot.SchemaVersion}); upgrade mesaspec to compare with it (--accept leaves it alone)",
            };
        }
        var comparison = SnapshotComparer.Compare(verified, received, tolerance);
        if (comparison.Matches)
        {
            // Accepting never rewrites a matched snapshot; a received file left by an earlier failure is stale.
            File.Delete(files.Received);
            return Outcome(files, SnapshotStatus.Matched);
        }
        var differences = comparison.Differences;
        var diff = ReadableDiff.Render(verifiedText.ReplaceLineEndings("\n"), SnapshotJson.Write(comparison.Normalised), differences);
        Promote(files, receivedText, accept);
        return Outcome(files, accept ? SnapshotStatus.Accepted : SnapshotStatus.Changed) with { Differences = differences, Diff = diff };
    }

    private static void Promote(SnapshotFiles files, string receivedText, bool accept)
    {
        if (accept)
        {
            SnapshotJson.WriteText(files.Verified, receivedText);
            File.Delete(files.Received);
        }
        else
        {
            SnapshotJson.WriteText(files.Received, receivedText);
        }
    }

    private static ExperimentOutcome Outcome(SnapshotFiles files, SnapshotStatus status) => new()
    {
        SpecPath = "", Experiment = "", Files = files, Status = status,
    };

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
