using MesaSpec.Language.Catalogue;
using System.Text.Json;
using MesaSpec.LanguageServer.Features.SemanticTokens;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class OutlineTests
{
    private static async Task<T> RequestAsync<T>(string method, Func<TextDocumentIdentifier, object> parameters, string? text = null)
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync(rootUri: new Uri(Path.Combine(AppContext.BaseDirectory, "examples")).AbsoluteUri);
        await client.OpenAsync(Specs.Uri, text ?? Specs.Cheese);
        var result = await client.RequestAsync<T>(method, parameters(new TextDocumentIdentifier(Specs.Uri)));
        await client.ShutdownAndExitAsync();
        return result;
    }

    [Fact]
    public async Task Document_symbols_outline_declarations_with_parameters_and_members()
    {
        var symbols = await RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", d => new DocumentSymbolParams(d));
        Assert.Equal(["Maze", "MazeAnywhere", "EatCheese", "GoToCorner", "CheeseInTheCorner"], symbols.Select(s => s.Name));
        Assert.Equal(SymbolKind.Class, symbols[0].Kind);
        Assert.Contains(symbols[0].Children!, c => c.Name == "corner" && c.Kind == SymbolKind.TypeParameter);
        Assert.Contains(symbols[0].Children!, c => c.Name == "item cheese");
        Assert.Contains(symbols[4].Children!, c => c.Name == "train on" && c.Detail!.StartsWith("train on Maze", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workspace_symbols_search_open_documents_and_the_workspace_files()
    {
        var symbols = await RequestAsync<SymbolInformation[]>("workspace/symbol", _ => new WorkspaceSymbolParams("maze"));
        Assert.Contains(symbols, s => s.Name == "MazeAnywhere" && s.Location.Uri == Specs.Uri);
        Assert.Contains(symbols, s => s.Name == "CornerMaze" && s.Location.Uri.EndsWith("examples/diversity-sweep.mesa", StringComparison.Ordinal));
        Assert.All(symbols, s => Assert.Contains("maze", s.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Folding_ranges_cover_declarations_and_comment_blocks()
    {
        var ranges = await RequestAsync<FoldingRange[]>("textDocument/foldingRange", d => new FoldingRangeParams(d));
        var lines = Specs.Cheese.Split('\n');
        var maze = Array.FindIndex(lines, l => l.StartsWith("environment Maze(", StringComparison.Ordinal));
        Assert.Contains(ranges, r => r.StartLine == maze && lines[r.EndLine] == "}");
        Assert.Contains(ranges, r => r.StartLine == 0 && r.Kind == "comment");
    }

    [Fact]
    public async Task Selection_ranges_grow_from_the_name_to_the_declaration()
    {
        var position = Specs.At(Specs.Cheese, "ppo(steps: 300k)", into: 5);
        var ranges = await RequestAsync<SelectionRange[]>("textDocument/selectionRange", d => new SelectionRangeParams(d, [position]));
        var chain = new List<Protocol.Range>();
        for (var r = ranges[0]; r is not null; r = r.Parent)
        {
            chain.Add(r.Range);
        }
        Assert.True(chain.Count >= 5);
        Assert.Equal(0, chain[^1].Start.Line);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.True(Contains(chain[i], chain[i - 1]), $"{chain[i]} should contain {chain[i - 1]}");
        }
    }

    [Fact]
    public async Task Semantic_tokens_classify_names_by_what_they_resolve_to()
    {
        var text = Specs.Cheese;
        var tokens = await RequestAsync<SemanticTokens>("textDocument/semanticTokens/full", d => new SemanticTokensParams(d));
        var decoded = Decode(tokens.Data);
        var lines = text.Split('\n');
        string TypeOf(string word, int occurrence = 0)
        {
            var p = Specs.At(text, word, occurrence, into: 0);
            return SemanticTokensHandler.TokenTypes[decoded.Single(t => t.Line == p.Line && t.Character == p.Character).Type];
        }
        Assert.Equal("class", TypeOf("Maze"));
        Assert.Equal("interface", TypeOf("EatCheese"));
        Assert.Equal("enumMember", TypeOf("cheese spawn"));
        Assert.Equal("function", TypeOf("ppo"));
        Assert.Equal("keyword", TypeOf("environment Maze"));
        Assert.Equal("comment", TypeOf("// Cheese"));
        Assert.Equal("number", TypeOf("300k"));
        Assert.Equal("parameter", TypeOf("corner)"));
        Assert.All(decoded, t => Assert.True(t.Character + t.Length <= lines[t.Line].Length));
    }

    [Fact]
    public async Task Formatting_returns_the_canonical_layout_and_nothing_for_formatted_text()
    {
        var messy = "environment   E {\n      grid 5 x 5\n agent spawn anywhere\n}\n";
        var edits = await RequestAsync<TextEdit[]>("textDocument/formatting", d => new DocumentFormattingParams(d, new FormattingOptions(2, true)), messy);
        var formatted = Assert.Single(edits).NewText;
        Assert.Equal("environment E {\n  grid 5 x 5\n  agent spawn anywhere\n}\n", formatted);
        Assert.Empty(await RequestAsync<TextEdit[]>("textDocument/formatting", d => new DocumentFormattingParams(d), formatted));
        Assert.Empty(await RequestAsync<TextEdit[]>("textDocument/formatting", d => new DocumentFormattingParams(d), "environment E {\n grid 5 x\n"));
    }

    [Fact]
    public async Task Range_formatting_touches_only_the_selected_declaration()
    {
        var messy = "environment   E {\n      grid 5 x 5\n}\n\nenvironment   F {\n      grid 5 x 5\n}\n";
        var edits = await RequestAsync<TextEdit[]>("textDocument/rangeFormatting", d => new DocumentRangeFormattingParams(d, new Protocol.Range(new Position(4, 0), new Position(6, 1))), messy);
        var edit = Assert.Single(edits);
        Assert.InRange(edit.Range.Start.Line, 3, 4);
        Assert.Contains("environment F {\n  grid 5 x 5\n}", edit.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inlay_hints_show_defaults_and_inherited_members()
    {
        var text = Specs.Cheese;
        var hints = await RequestAsync<InlayHint[]>("textDocument/inlayHint", d => new InlayHintParams(d, new Protocol.Range(new Position(0, 0), new Position(200, 0))));
        var ppo = ComponentCatalog.Default.Find(ComponentKind.Algorithm, "ppo")!;
        var expected = string.Join(", ", ppo.Parameters.Where(p => p.Name != "steps").Take(3).Select(p => $"{p.Name}: {p.Default}")) + ", …";
        Assert.Contains(hints, h => h.Label == expected && h.Position.Line == Specs.At(text, "ppo").Line);
        Assert.Contains(hints, h => h.Label == "activation: \"tanh\"");
        Assert.Contains(hints, h => h.Label == "(corner: 1)" && h.Position == Specs.At(text, "Maze with", into: 4));
        Assert.Contains(hints, h => h.Label == "inherits grid, walls, agent spawn, horizon, observation from Maze");
    }

    private static bool Contains(Protocol.Range outer, Protocol.Range inner) =>
        Before(outer.Start, inner.Start) && Before(inner.End, outer.End);

    private static bool Before(Position a, Position b) => a.Line < b.Line || (a.Line == b.Line && a.Character <= b.Character);

    private static List<(int Line, int Character, int Length, int Type)> Decode(int[] data)
    {
        var result = new List<(int, int, int, int)>();
        var (line, character) = (0, 0);
        for (var i = 0; i < data.Length; i += 5)
        {
            line += data[i];
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            result.Add((line, character, data[i + 2], data[i + 3]));
        }
        return result;
    }
}
