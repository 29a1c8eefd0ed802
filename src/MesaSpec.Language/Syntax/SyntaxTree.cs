using System.Collections.Immutable;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Parsing;
using MesaSpec.Language.Text;
using Pidgin;

namespace MesaSpec.Language.Syntax;

/// <summary>
/// A parsed file: its text, root, comments and syntax diagnostics. Parsing never throws and always
/// produces a tree; errors become <see cref="ErrorMemberSyntax"/>/<see cref="ErrorDeclarationSyntax"/>
/// nodes and MS1xxx diagnostics, and parsing resumes at the next member or declaration.
/// </summary>
public sealed class SyntaxTree
{
    /// <summary>Above this many syntax errors, the rest are summarised in one MS1006.</summary>
    public const int MaxSyntaxErrors = 200;

    private SyntaxTree(SourceText text, CompilationUnitSyntax root, IReadOnlyList<Comment> comments, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }

    public CompilationUnitSyntax Root { get; }

    public IReadOnlyList<Comment> Comments { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SyntaxTree Parse(string text, string path = "") => Parse(new SourceText(text, path));

    public static SyntaxTree Parse(SourceText text)
    {
        var scan = TriviaScanner.Scan(text.Text);
        var diagnostics = new List<Diagnostic>(scan.Diagnostics);
        diagnostics.AddRange(UnusualLineBreaks.Find(text.Text));
        if (scan.TooDeepAt >= 0)
        {
            diagnostics.Add(DiagnosticCatalog.NestingTooDeep(new TextSpan(scan.TooDeepAt, 1), TriviaScanner.MaxNesting));
            var empty = new CompilationUnitSyntax([], new TextSpan(0, text.Length));
            return new SyntaxTree(text, empty, scan.Comments, Finish(diagnostics, text.Path));
        }

        ErrorBudget.Reset();
        var result = DeclarationParsers.File.Parse(text.Text, ParserConfiguration.Instance);
        var items = result.Success ? result.Value.ToImmutableArray() : [];
        var root = new CompilationUnitSyntax(items, new TextSpan(0, text.Length));
        var tooLong = ChainMeasure.FirstLongerThan(root, text.Text, ExceptChainLimit.Chain, ArithmeticChainLimit.Chain);
        if (tooLong[0] is { } chain)
        {
            diagnostics.Add(DiagnosticCatalog.ExceptChainTooLong(chain.Span, ExceptChainLimit.MaxExcepts));
            var empty = new CompilationUnitSyntax([], new TextSpan(0, text.Length));
            return new SyntaxTree(text, empty, scan.Comments, Finish(diagnostics, text.Path));
        }
        if (tooLong[1] is { } arithmetic)
        {
            diagnostics.Add(DiagnosticCatalog.ArithmeticTooLong(arithmetic.Span, ArithmeticChainLimit.MaxOperators));
            var empty = new CompilationUnitSyntax([], new TextSpan(0, text.Length));
            return new SyntaxTree(text, empty, scan.Comments, Finish(diagnostics, text.Path));
        }
        CollectSyntaxErrors(root, scan.Diagnostics, diagnostics);
        if (root.Items.Length == 0 && diagnostics.Count == 0)
        {
            // Nothing to check is rarely what was meant: a truncated save, or the wrong file.
            diagnostics.Add(DiagnosticCatalog.EmptyFile(new TextSpan(0, 0)));
        }
        return new SyntaxTree(text, root, scan.Comments, Finish(diagnostics, text.Path));
    }

    private static void CollectSyntaxErrors(CompilationUnitSyntax root, IReadOnlyList<Diagnostic> lexical, List<Diagnostic> into)
    {
        // A parse error at an unterminated string or comment is the same problem reported twice.
        bool AlreadyExplained(TextSpan at) => lexical.Any(d => at.Start >= d.Span.Start && at.Start <= d.Span.End + 1);

        foreach (var item in root.Items)
        {
            switch (item)
            {
                case ErrorDeclarationSyntax error when !AlreadyExplained(error.ErrorSpan):
                    into.Add(DiagnosticCatalog.UnexpectedInput(error.ErrorSpan, error.Message));
                    break;
                case DeclarationSyntax declaration:
                    foreach (var member in declaration.Members.OfType<ErrorMemberSyntax>())
                    {
                        if (!AlreadyExplained(member.ErrorSpan))
                        {
                            into.Add(DiagnosticCatalog.UnexpectedInput(member.ErrorSpan, member.Message));
                        }
                    }
                    // After too many errors the rest of the file was skipped, closing brace and all: not a missing brace.
                    if (declaration.CloseBrace is null && !declaration.Members.Any(m => m is ErrorMemberSyntax { Message: ErrorBudget.SkippedMessage }))
                    {
                        into.Add(DiagnosticCatalog.MissingCloseBrace(declaration.OpenBrace, declaration.Name.Text));
                    }
                    break;
            }
        }
    }

    private static ImmutableArray<Diagnostic> Finish(List<Diagnostic> diagnostics, string path)
    {
        var ordered = diagnostics.OrderBy(d => d.Span.Start).Select(d => d with { Path = path }).ToList();
        if (ordered.Count > MaxSyntaxErrors)
        {
            var rest = ordered.Count - MaxSyntaxErrors;
            var restSkipped = ordered.Skip(MaxSyntaxErrors).Any(d => d.Message == ErrorBudget.SkippedMessage);
            ordered = [.. ordered.Take(MaxSyntaxErrors), DiagnosticCatalog.TooManyErrors(ordered[MaxSyntaxErrors].Span, rest, restSkipped) with { Path = path }];
        }
        return [.. ordered];
    }
}
