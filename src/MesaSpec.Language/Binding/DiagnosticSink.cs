using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Collects diagnostics, attributing each to a file, and drops exact repeats: an environment
/// instantiated once per sweep point must report a bad region once, not once per point.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<(string Code, string Path, TextSpan Span, string Message)> _seen = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Add(SyntaxTree tree, Diagnostic diagnostic) => Add(diagnostic with { Path = tree.Text.Path });

    public void Add(Diagnostic diagnostic)
    {
        if (_seen.Add((diagnostic.Code, diagnostic.Path, diagnostic.Span, diagnostic.Message)))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    public bool HasErrorsAt(string path, TextSpan span) =>
        _diagnostics.Any(d => d.IsError && d.Path == path && d.Span.OverlapsWith(span));
}

/// <summary>Reports into a sink on behalf of one file.</summary>
internal readonly record struct FileDiagnostics(DiagnosticSink Sink, SyntaxTree Tree)
{
    public void Report(Diagnostic diagnostic) => Sink.Add(Tree, diagnostic);
}
