using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MesaSpec.Language.Diagnostics;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>A published diagnostic's code links to its section of docs/diagnostics.md, and every such link lands on an anchor.</summary>
public class DiagnosticDocsTests
{
    [Fact]
    public async Task A_published_diagnostic_links_its_code_to_the_docs_section()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, Specs.Cheese.Replace("train on Maze with", "train on Maza with", StringComparison.Ordinal));
        var published = await client.DiagnosticsAsync(Specs.Uri);
        var unknown = Assert.Single(published.Diagnostics, d => d.Code == "MS2001");
        Assert.Equal("https://github.com/mesaspec/mesaspec/blob/main/docs/diagnostics.md#ms2001", unknown.CodeDescription?.Href);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public void The_link_is_written_as_LSP_codeDescription_href()
    {
        var diagnostic = new LspDiagnostic(new Protocol.Range(new Position(0, 0), new Position(0, 1)), LspDiagnosticSeverity.Error, "MS1001", "mesaspec", "m",
            CodeDescription: DiagnosticDocs.For("MS1001"));
        var json = LspJson.Element(diagnostic);
        Assert.EndsWith("#ms1001", json.GetProperty("codeDescription").GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expectation-failed")]
    [InlineData("imported-errors")]
    [InlineData("MS12")]
    public void Codes_that_are_not_documented_codes_get_no_link(string code) => Assert.Null(DiagnosticDocs.For(code));

    [Fact]
    public void Every_code_has_its_anchor_just_before_its_section()
    {
        var docs = File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "diagnostics.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(c => DiagnosticDocs.For(c) is not null)
            .ToList();
        Assert.NotEmpty(codes);
        var missing = codes.Where(c => !Regex.IsMatch(docs, $"^<a id=\"{DiagnosticDocs.Anchor(c)}\"></a>\\n\\n## {c} ", RegexOptions.Multiline)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_docs_page_is_in_the_repository_the_extension_names()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "vscode-extension", "package.json")));
        var repository = manifest.RootElement.GetProperty("repository").GetProperty("url").GetString()!;
        var web = Regex.Replace(repository, @"\.git$", "");
        Assert.StartsWith($"{web}/blob/", DiagnosticDocs.Page, StringComparison.Ordinal);
        Assert.EndsWith("/docs/diagnostics.md", DiagnosticDocs.Page, StringComparison.Ordinal);
    }
}
