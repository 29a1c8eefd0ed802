using MesaSpec.Language.Vocabulary;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Features.Hover;
using MesaSpec.LanguageServer.Features.Shared;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.SemanticTokens;

/// <summary>
/// <c>textDocument/semanticTokens/full</c> and <c>/range</c>: resolved names by what they are (environment, objective,
/// experiment, parameter, item kind, component), keywords, literals and comments. Semantic where the TextMate
/// grammar can only guess (is <c>cheese</c> an item kind? is <c>Maze</c> an environment?).
/// </summary>
public static class SemanticTokensHandler
{
    public static readonly string[] TokenTypes = ["keyword", "class", "interface", "namespace", "parameter", "enumMember", "function", "number", "string", "comment", "type"];

    public static readonly string[] TokenModifiers = ["declaration", "defaultLibrary"];

    private const int Keyword = 0, Class = 1, Interface = 2, Namespace = 3, Parameter = 4, EnumMember = 5, Function = 6, Number = 7, String = 8, Comment = 9, Type = 10;

    private static readonly HashSet<string> Keywords = new(KeywordDocs.All.Keys.Concat(["true", "false", "x", "kind", "wall", "floor", .. BehaviourWords.Words,
        "top_left", "top_right", "bottom_left", "bottom_right"]), StringComparer.Ordinal);

    public static Protocol.SemanticTokens Full(DocumentAnalysis analysis) => Encode(analysis, null);

    public static Protocol.SemanticTokens Range(DocumentAnalysis analysis, Protocol.Range range) => Encode(analysis, analysis.Text.ToSpan(range));

    private static Protocol.SemanticTokens Encode(DocumentAnalysis analysis, TextSpan? within)
    {
        var compilation = analysis.Compilation;
        var tree = compilation.MainTree;
        var text = tree.Text;
        var tokens = new List<(int Start, int Length, int Type, int Modifiers)>();
        foreach (var comment in tree.Comments)
        {
            tokens.Add((comment.Span.Start, comment.Span.Length, Comment, 0));
        }
        foreach (var reference in compilation.Symbols.References.Where(r => r.Location.Tree == tree))
        {
            var type = reference.Symbol switch
            {
                DeclarationSymbol { Kind: DeclarationKind.Environment } => Class,
                DeclarationSymbol { Kind: DeclarationKind.Objective } => Interface,
                DeclarationSymbol => Namespace,
                ParameterSymbol => Parameter,
                ItemKindSymbol => EnumMember,
                _ => Function,
            };
            var modifiers = (reference.IsDeclaration ? 1 : 0) | (reference.Symbol is ComponentSymbol ? 2 : 0);
            tokens.Add((reference.Location.Span.Start, reference.Location.Span.Length, type, modifiers));
        }
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            switch (node)
            {
                case NumberLiteralSyntax n:
                    tokens.Add((n.Span.Start, n.Span.Length, Number, 0));
                    break;
                case StringLiteralSyntax s:
                    tokens.Add((s.Span.Start, s.Span.Length, String, 0));
                    break;
                case TypeSyntax t:
                    tokens.Add((t.Span.Start, t.Span.Length, Type, 0));
                    break;
            }
        }
        tokens.Sort((a, b) => a.Start.CompareTo(b.Start));
        AddKeywords(text, tokens);
        tokens.Sort((a, b) => a.Start.CompareTo(b.Start));

        var data = new List<int>(tokens.Count * 5);
        var (previousLine, previousStart) = (0, 0);
        var lastEnd = -1;
        foreach (var token in tokens)
        {
            if (token.Start < lastEnd || within is { } w && !w.OverlapsWith(new TextSpan(token.Start, token.Length)))
            {
                continue;
            }
            lastEnd = token.Start + token.Length;
            // Tokens may not span lines: a block comment or multi-line string becomes one token per line.
            var start = token.Start;
            while (start < lastEnd)
            {
                var line = text.GetLineIndex(start);
                var end = Math.Min(lastEnd, text.GetLineEnd(line));
                if (end > start)
                {
                    var character = start - text.GetLineStart(line);
                    data.AddRange([line - previousLine, line == previousLine ? character - previousStart : character, end - start, token.Type, token.Modifiers]);
                    (previousLine, previousStart) = (line, character);
                }
                start = line + 1 < text.LineCount ? text.GetLineStart(line + 1) : lastEnd;
            }
        }
        return new Protocol.SemanticTokens([.. data]);
    }

    /// <summary>Keywords are the known words left over once names, literals and comments are claimed.</summary>
    private static void AddKeywords(SourceText text, List<(int Start, int Length, int Type, int Modifiers)> claimed)
    {
        var s = text.Text;
        var next = 0;
        var found = new List<(int, int, int, int)>();
        var i = 0;
        while (i < s.Length)
        {
            while (next < claimed.Count && claimed[next].Start + claimed[next].Length <= i)
            {
                next++;
            }
            if (next < claimed.Count && claimed[next].Start <= i)
            {
                i = claimed[next].Start + claimed[next].Length;
                continue;
            }
            if (Words.IsWordChar(s[i]) && (i == 0 || !Words.IsWordChar(s[i - 1])))
            {
                var end = i;
                while (end < s.Length && Words.IsWordChar(s[end]))
                {
                    end++;
                }
                if (Keywords.Contains(s[i..end]))
                {
                    found.Add((i, end - i, Keyword, 0));
                }
                i = end;
                continue;
            }
            i++;
        }
        claimed.AddRange(found);
    }
}
