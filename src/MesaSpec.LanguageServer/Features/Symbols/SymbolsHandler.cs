using MesaSpec.Workspaces.Files;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Symbols;

/// <summary><c>textDocument/documentSymbol</c> (the outline: declarations, their parameters and members) and <c>workspace/symbol</c>.</summary>
public static class SymbolsHandler
{
    /// <summary>Files scanned on disk for workspace symbols, beyond the open documents.</summary>
    public const int MaxWorkspaceFiles = 500;

    public static DocumentSymbol[] DocumentSymbols(DocumentAnalysis analysis)
    {
        var text = analysis.Text;
        return [.. analysis.Tree.Root.Declarations.Select(d => Declaration(text, d))];
    }

    private static DocumentSymbol Declaration(SourceText text, DeclarationSyntax declaration)
    {
        var children = new List<DocumentSymbol>();
        foreach (var parameter in declaration.Parameters?.Parameters ?? [])
        {
            children.Add(new DocumentSymbol(parameter.Name.Text, text.ToString(parameter.Type.Span), SymbolKind.TypeParameter, text.ToRange(parameter.Span), text.ToRange(parameter.Name.Span)));
        }
        foreach (var member in declaration.Members.Where(m => m is not ErrorMemberSyntax))
        {
            var (name, detail) = member switch
            {
                ItemMemberSyntax item => ($"item {item.Kind.Text}", FirstLine(text, member.Span)),
                _ => (member.Keyword, FirstLine(text, member.Span)),
            };
            var selection = member is ItemMemberSyntax i ? i.Kind.Span : new TextSpan(member.Span.Start, Math.Min(member.Span.Length, member.Keyword.Length));
            children.Add(new DocumentSymbol(name, detail, member is ItemMemberSyntax ? SymbolKind.EnumMember : SymbolKind.Field, text.ToRange(member.Span), text.ToRange(selection)));
        }
        return new DocumentSymbol(declaration.Name.Text, declaration.KindText(), KindOf(declaration.Kind), text.ToRange(declaration.Span), text.ToRange(declaration.Name.Span), [.. children]);
    }

    public static int KindOf(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Environment => SymbolKind.Class,
        DeclarationKind.Objective => SymbolKind.Interface,
        _ => SymbolKind.Module,
    };

    private static string KindText(this DeclarationSyntax declaration) => declaration.Kind.ToString().ToLowerInvariant();

    private static string FirstLine(SourceText text, TextSpan span)
    {
        var content = text.ToString(span);
        var end = content.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? content : content[..end]).Trim();
    }

    /// <summary>Declarations whose name contains the query (case-insensitive), from open documents, their imports and the workspace's .mesa files.</summary>
    public static SymbolInformation[] WorkspaceSymbols(ServerWorkspace workspace, string query, CancellationToken cancellation)
    {
        var results = new List<SymbolInformation>();
        var seenPaths = new HashSet<string>(StringComparer.Ordinal);
        void Add(SyntaxTree tree, string uri)
        {
            if (!seenPaths.Add(tree.Text.Path))
            {
                return;
            }
            foreach (var declaration in tree.Root.Declarations)
            {
                if (query.Length == 0 || declaration.Name.Text.Contains(query, StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(new SymbolInformation(declaration.Name.Text, KindOf(declaration.Kind), new Location(uri, tree.Text.ToRange(declaration.Name.Span)), Path.GetFileName(tree.Text.Path)));
                }
            }
        }
        foreach (var document in workspace.Documents)
        {
            if (workspace.Analysis(document.Uri) is { } analysis)
            {
                foreach (var tree in analysis.Compilation.Trees)
                {
                    Add(tree, workspace.UriFor(tree.Text.Path));
                }
            }
        }
        foreach (var file in workspace.Roots.SelectMany(SpecFiles).Take(MaxWorkspaceFiles))
        {
            cancellation.ThrowIfCancellationRequested();
            if (!seenPaths.Contains(file))
            {
                try
                {
                    // A file that vanished, cannot be read or is not a regular file (a FIFO would block) contributes nothing.
                    if (ParsedFiles.Get(file) is { } tree)
                    {
                        Add(tree, DocumentUri.FromPath(file));
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Vanished between the listing and the read.
                }
            }
        }
        return [.. results.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>Workspace files parsed once per modification time: a search should not re-read the whole workspace.</summary>
    private static class ParsedFiles
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, SyntaxTree Tree)> Cache = new(StringComparer.Ordinal);

        public static SyntaxTree? Get(string path)
        {
            var written = File.GetLastWriteTimeUtc(path);
            if (Cache.TryGetValue(path, out var cached) && cached.Written == written)
            {
                return cached.Tree;
            }
            if (SpecFileReader.Read(path).Text is not { } text)
            {
                return null;
            }
            var tree = SyntaxTree.Parse(text);
            if (Cache.Count > MaxWorkspaceFiles * 2)
            {
                Cache.Clear();
            }
            Cache[path] = (written, tree);
            return tree;
        }
    }

    private static IEnumerable<string> SpecFiles(string root)
    {
        try
        {
            // Build output and dependencies hold copies of specs; only the workspace's own files count.
            string[] skipped = ["bin", "obj", "node_modules", ".git"];
            return Directory.EnumerateFiles(root, "*.mesa", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 8 })
                .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
