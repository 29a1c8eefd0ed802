using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>Follows <c>import</c> declarations depth-first, parsing each file once, reporting missing files, cycles and escapes.</summary>
internal static class ImportLoader
{
    public static IReadOnlyList<SyntaxTree> Load(SyntaxTree main, ISourceResolver? resolver, DiagnosticSink sink)
    {
        var trees = new List<SyntaxTree> { main };
        var byPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal) { [main.Text.Path] = main };
        Visit(main, [main.Text.Path]);
        return trees;

        void Visit(SyntaxTree tree, List<string> stack)
        {
            foreach (var import in tree.Root.Imports)
            {
                var requested = import.Path.Value;
                if (requested.Trim().Length == 0)
                {
                    // Resolved, "" is the importing file's own folder: say what is wrong, not that it leaves the workspace.
                    sink.Add(tree, DiagnosticCatalog.ImportPathInvalid(import.Path.Span, requested, "name a .mesa file relative to this one"));
                    continue;
                }
                if (resolver is null)
                {
                    sink.Add(tree, DiagnosticCatalog.ImportNotFound(import.Path.Span, requested));
                    continue;
                }
                var resolution = resolver.Resolve(tree.Text.Path, requested);
                switch (resolution.Status)
                {
                    case ImportStatus.NotFound:
                        var notFound = DiagnosticCatalog.ImportNotFound(import.Path.Span, requested);
                        sink.Add(tree, resolution.Problem is { } problem ? notFound with { Message = $"{notFound.Message} ({problem})" } : notFound);
                        continue;
                    case ImportStatus.Unreadable:
                        sink.Add(tree, DiagnosticCatalog.ImportUnreadable(import.Path.Span, requested, resolution.Problem ?? "it cannot be read"));
                        continue;
                    case ImportStatus.InvalidPath:
                        sink.Add(tree, DiagnosticCatalog.ImportPathInvalid(import.Path.Span, requested, resolution.Problem ?? "name a .mesa file relative to this one"));
                        continue;
                    case ImportStatus.OutsideWorkspace:
                        sink.Add(tree, DiagnosticCatalog.ImportOutsideWorkspace(import.Path.Span, requested));
                        continue;
                }
                if (stack.Contains(resolution.Path))
                {
                    var cycle = stack.SkipWhile(p => p != resolution.Path).Append(resolution.Path).Select(System.IO.Path.GetFileName).OfType<string>();
                    sink.Add(tree, DiagnosticCatalog.ImportCycle(import.Path.Span, cycle));
                    continue;
                }
                if (byPath.ContainsKey(resolution.Path))
                {
                    continue;
                }
                var imported = SyntaxTree.Parse(resolution.Text!);
                byPath[resolution.Path] = imported;
                trees.Add(imported);
                Visit(imported, [.. stack, resolution.Path]);
            }
        }
    }
}
