using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Tests.Support;

/// <summary>Asserts on marked-up sources: <c>[|...|]</c> marks exactly where each expected diagnostic must be.</summary>
internal static class Check
{
    /// <summary>
    /// Compiles <paramref name="markup"/> and asserts that the diagnostics with the given codes sit exactly on
    /// the marked spans, in order (one code per span). Diagnostics with other codes are ignored unless
    /// <paramref name="exclusive"/> is set.
    /// </summary>
    public static Compilation Diagnostics(string markup, params string[] codes) => Diagnostics(markup, exclusive: false, codes);

    public static Compilation DiagnosticsExactly(string markup, params string[] codes) => Diagnostics(markup, exclusive: true, codes);

    private static Compilation Diagnostics(string markup, bool exclusive, string[] codes)
    {
        var annotated = AnnotatedText.Parse(markup);
        Assert.True(annotated.Spans.Count == codes.Length, $"{annotated.Spans.Count} marked spans but {codes.Length} codes");
        var compilation = Compilation.Create(SyntaxTree.Parse(annotated.Text, "/ws/main.mesa"));
        var relevant = compilation.Diagnostics
            .Where(d => exclusive || codes.Contains(d.Code))
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Span.Length)
            .ToList();
        var actual = relevant.Select(d => $"{d.Code} at {d.Span} '{annotated.Text.Substring(d.Span.Start, d.Span.Length)}'").ToList();
        var expected = annotated.Spans.Zip(codes, (s, c) => $"{c} at {s} '{annotated.Text.Substring(s.Start, s.Length)}'").ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}\nall:\n  {string.Join("\n  ", compilation.Diagnostics)}");
        return compilation;
    }

    public static void NoErrors(Compilation compilation) =>
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics.Where(d => d.IsError)));

    public static Diagnostic Single(Compilation compilation, string code) => Assert.Single(compilation.Diagnostics, d => d.Code == code);
}
