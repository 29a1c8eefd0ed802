using System.Text.RegularExpressions;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Parsing;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Docs;

/// <summary>docs/diagnostics.md documents every code with an example that triggers it; docs/language.md and the grammar match the parser.</summary>
public sealed partial class DocumentationTests
{
    /// <summary>Produced by the gridworld's analyzer, not the Language layer: their examples are run by MesaSpec.Cli.Tests.</summary>
    public static readonly string[] AnalyzerCodes = [DiagnosticCodes.ObjectiveNotIdentifiable, DiagnosticCodes.LevelsCannotBeGenerated, DiagnosticCodes.PlannerLimitExceeded, DiagnosticCodes.PlannerStatesOverCap, DiagnosticCodes.CurriculumCannotPlan];

    private static readonly Lazy<IReadOnlyList<DocumentedCode>> Sections = new(() => DocumentedCode.Read(RepositoryFiles.Read("docs", "diagnostics.md")));

    [Fact]
    public void Every_code_is_documented_once_in_order()
    {
        var documented = Sections.Value.Select(s => s.Code).ToList();
        Assert.Equal(DiagnosticCodes.All, documented);
    }

    [Fact]
    public void Every_section_says_meaning_and_fix_and_gives_an_example()
    {
        foreach (var section in Sections.Value)
        {
            Assert.True(section.Body.Contains("**Meaning.**", StringComparison.Ordinal), $"{section.Code} has no meaning");
            Assert.True(section.Body.Contains("**Fix.**", StringComparison.Ordinal), $"{section.Code} has no fix");
            Assert.True(section.Mesa is not null || section.Text.Count > 0, $"{section.Code} has no example");
        }
    }

    public static TheoryData<string> LanguageExamples()
    {
        var data = new TheoryData<string>();
        foreach (var section in Sections.Value.Where(s => s.Mesa is not null && !AnalyzerCodes.Contains(s.Code)))
        {
            data.Add(section.Code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LanguageExamples))]
    public void Example_triggers_its_code_with_the_documented_message(string code)
    {
        var section = Sections.Value.Single(s => s.Code == code);
        var compilation = Compile(section.Mesa!);
        var produced = compilation.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(produced.Count > 0, $"the example of {code} does not produce it:\n{string.Join("\n", compilation.Diagnostics)}");
        foreach (var line in section.Text.SelectMany(t => t.Split('\n')))
        {
            var match = PrintedDiagnostic().Match(line);
            if (match.Success && match.Groups["code"].Value == code)
            {
                var message = match.Groups["message"].Value;
                Assert.True(produced.Any(d => d.Message == message), $"{code}: documented message\n  {message}\nbut produced\n  {string.Join("\n  ", produced.Select(d => d.Message))}");
            }
        }
    }

    public static TheoryData<int> LanguageReferenceBlocks()
    {
        var data = new TheoryData<int>();
        var count = MesaBlocks(RepositoryFiles.Read("docs", "language.md")).Count;
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LanguageReferenceBlocks))]
    public void Language_reference_examples_parse(int index)
    {
        var block = MesaBlocks(RepositoryFiles.Read("docs", "language.md"))[index];
        var tree = SyntaxTree.Parse(block);
        Assert.True(tree.Diagnostics.IsEmpty, $"example {index} of docs/language.md:\n{block}\n{string.Join("\n", tree.Diagnostics)}");
    }

    [Fact]
    public void The_grammar_names_every_member_keyword()
    {
        var grammar = RepositoryFiles.Read("grammar", "mesaspec.ebnf");
        var keywords = new[] { MemberParsers.EnvironmentKeywords, MemberParsers.ObjectiveKeywords, MemberParsers.ExperimentKeywords }
            .SelectMany(k => k.Replace(" or ", ", ", StringComparison.Ordinal).Split(", "))
            .SelectMany(k => k.Split(' '));
        foreach (var keyword in keywords)
        {
            Assert.True(grammar.Contains($"\"{keyword}\"", StringComparison.Ordinal), $"grammar/mesaspec.ebnf does not mention \"{keyword}\"");
        }
    }

    [Fact]
    public void The_component_table_matches_the_catalogue()
    {
        var reference = RepositoryFiles.Read("docs", "language.md");
        // Metrics have their own table (the expectations section).
        var expected = Catalogue.ComponentCatalog.Default.All.Where(c => c.Kind != Catalogue.ComponentKind.Metric)
            .Select(c => $"| `{c.Name}` | {(c.Parameters.Count == 0 ? "(none)" : string.Join(", ", c.Parameters.Select(p => $"`{p.Signature}`")))} |")
            .ToList();
        var actual = reference.Split('\n').Where(l => ComponentRow().IsMatch(l)).ToList();
        Assert.True(expected.SequenceEqual(actual), "docs/language.md's component table should read:\n" + string.Join("\n", expected));
    }

    [GeneratedRegex(@"^\| `[a-z0-9_]+` \| (`[a-z_]+: |\(none\) \|$)")]
    private static partial Regex ComponentRow();

    private static Compilation Compile(string text)
    {
        var files = new Dictionary<string, string> { ["/ws/main.mesa"] = text };
        return Compilation.Create(SyntaxTree.Parse(text, "/ws/main.mesa"), new CompilationOptions(Resolver: new InMemorySourceResolver(files)));
    }

    internal static IReadOnlyList<string> MesaBlocks(string markdown) =>
        [.. FencedBlock().Matches(markdown).Where(m => m.Groups["lang"].Value == "mesa").Select(m => m.Groups["body"].Value)];

    [GeneratedRegex(@"^```(?<lang>\w*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"(?:error|warning|info) (?<code>MS\d{4}): (?<message>.*)$")]
    private static partial Regex PrintedDiagnostic();

    /// <summary>One <c>## MSxxxx title</c> section: its first mesa example and its text blocks.</summary>
    private sealed record DocumentedCode(string Code, string Body, string? Mesa, IReadOnlyList<string> Text)
    {
        public static IReadOnlyList<DocumentedCode> Read(string markdown)
        {
            var headings = Regex.Matches(markdown, @"^## (MS\d{4}) ", RegexOptions.Multiline);
            var sections = new List<DocumentedCode>();
            for (var i = 0; i < headings.Count; i++)
            {
                var start = headings[i].Index;
                var end = i + 1 < headings.Count ? headings[i + 1].Index : markdown.Length;
                var body = markdown[start..end];
                var blocks = FencedBlock().Matches(body);
                sections.Add(new DocumentedCode(
                    headings[i].Groups[1].Value,
                    body,
                    blocks.Where(b => b.Groups["lang"].Value == "mesa").Select(b => b.Groups["body"].Value).FirstOrDefault(),
                    [.. blocks.Where(b => b.Groups["lang"].Value == "text").Select(b => b.Groups["body"].Value)]));
            }
            return sections;
        }
    }
}
