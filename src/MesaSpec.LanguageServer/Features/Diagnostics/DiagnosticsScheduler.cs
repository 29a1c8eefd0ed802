using System.Collections.Concurrent;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;
using LanguageDiagnostic = MesaSpec.Language.Diagnostics.Diagnostic;

namespace MesaSpec.LanguageServer.Features.Diagnostics;

/// <summary>
/// Publishes diagnostics after a document changes, in two stages: parse + bind (fast, every keystroke once the
/// typing pauses for <see cref="Debounce"/>), then the experiment analyzers (identifiability sampling, slower).
/// A newer change cancels the pending and running work for its document, so a burst of changes analyses only
/// the last text, and a superseded version never publishes.
/// </summary>
public sealed class DiagnosticsScheduler(
    ServerWorkspace workspace,
    Func<PublishDiagnosticsParams, Task> publish,
    IReadOnlyList<IExperimentAnalyzer> slowAnalyzers,
    TimeSpan debounce,
    Action<string> log)
{
    private readonly Dictionary<string, CancellationTokenSource> _running = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _analysing = new();

    public TimeSpan Debounce { get; } = debounce;

    /// <summary>Extra diagnostics from outside the analysis (failed expectations of the last run), by document URI, placed in each version's text.</summary>
    public ConcurrentDictionary<string, Func<SourceText, IReadOnlyList<LspDiagnostic>>> Extra { get; } = new();

    public void Schedule(string uri)
    {
        var cancellation = new CancellationTokenSource();
        lock (_gate)
        {
            if (_running.TryGetValue(uri, out var previous))
            {
                previous.Cancel();
            }
            _running[uri] = cancellation;
        }
        _ = Task.Run(() => AnalyseAsync(uri, cancellation.Token));
    }

    public async Task ClearAsync(string uri)
    {
        lock (_gate)
        {
            if (_running.Remove(uri, out var previous))
            {
                previous.Cancel();
            }
        }
        Extra.TryRemove(uri, out _);
        await PublishAsync(new PublishDiagnosticsParams(uri, null, []), CancellationToken.None);
    }

    private async Task AnalyseAsync(string uri, CancellationToken cancellation)
    {
        try
        {
            if (Debounce > TimeSpan.Zero)
            {
                await Task.Delay(Debounce, cancellation);
            }
            // One analysis per document at a time: a parse cannot be interrupted, so on a large file a compile
            // per keystroke would pile up; newer versions wait here and the superseded ones give up waiting.
            var gate = _analysing.GetOrAdd(uri, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellation);
            (DocumentAnalysis Analysis, List<LanguageDiagnostic> Fast)? published;
            try
            {
                published = await PublishFastAsync(uri, cancellation);
            }
            finally
            {
                gate.Release();
            }
            // The slow stage runs outside the gate: the next version's fast diagnostics must not wait for this
            // version's level sampling, which the next version cancels anyway.
            if (published is { } done && !workspace.IsCurrent(done.Analysis))
            {
                // A newer version of the document has its own run; an import that changed while this version
                // compiled would not: what was published read the import's older text, so analyse again.
                if (ReferenceEquals(workspace.Find(uri), done.Analysis.Document))
                {
                    Schedule(uri);
                }
                return;
            }
            if (published is { } current)
            {
                await PublishSlowAsync(current.Analysis, current.Fast, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            // Superseded by a newer version: its own run publishes.
        }
        catch (Exception exception)
        {
            log($"diagnostics for {uri} failed: {exception}");
        }
    }

    private async Task<(DocumentAnalysis Analysis, List<LanguageDiagnostic> Fast)?> PublishFastAsync(string uri, CancellationToken cancellation)
    {
        if (workspace.Analysis(uri) is not { } analysis)
        {
            return null;
        }
        cancellation.ThrowIfCancellationRequested();
        var fast = analysis.Compilation.DiagnosticsFor(analysis.Document.Path).ToList();
        await PublishAsync(Convert(analysis, fast), cancellation);
        return (analysis, fast);
    }

    private async Task PublishSlowAsync(DocumentAnalysis analysis, List<LanguageDiagnostic> fast, CancellationToken cancellation)
    {
        var compilation = analysis.Compilation;
        var slow = new List<LanguageDiagnostic>();
        foreach (var plan in compilation.Plans.Where(p => p.IsRunnable && ReferenceEquals(p.Experiment.Tree, compilation.MainTree)))
        {
            foreach (var analyzer in slowAnalyzers)
            {
                cancellation.ThrowIfCancellationRequested();
                slow.AddRange(analyzer.Analyze(plan, cancellation));
            }
        }
        if (slow.Count > 0)
        {
            await PublishAsync(Convert(analysis, [.. fast, .. slow.OrderBy(d => d.Span.Start)]), cancellation);
        }
    }

    private PublishDiagnosticsParams Convert(DocumentAnalysis analysis, IReadOnlyList<LanguageDiagnostic> diagnostics)
    {
        var converted = diagnostics.Select(d => d.ToLsp(analysis.Text));
        var extra = Extra.GetValueOrDefault(analysis.Uri)?.Invoke(analysis.Text) ?? [];
        var imported = ImportedErrors.Summaries(analysis, workspace.Resolver);
        return new PublishDiagnosticsParams(analysis.Uri, analysis.Document.Version, [.. converted, .. imported, .. extra]);
    }

    private async Task PublishAsync(PublishDiagnosticsParams diagnostics, CancellationToken cancellation)
    {
        await _publishing.WaitAsync(CancellationToken.None);
        try
        {
            // Checked under the lock: once a newer version started, this one must not overwrite its results.
            cancellation.ThrowIfCancellationRequested();
            await publish(diagnostics);
        }
        finally
        {
            _publishing.Release();
        }
    }
}
