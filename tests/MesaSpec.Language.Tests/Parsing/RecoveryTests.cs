using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Parsing;

/// <summary>A typo in one place must not hide the symbols and diagnostics of the rest of the file.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void A_typo_in_one_member_keeps_the_other_members()
    {
        var tree = SyntaxTree.Parse("""
            environment E {
              grid 9 x 9
              wals maze
              horizon 20
            }
            """);
        var declaration = Assert.Single(tree.Root.Declarations);
        Assert.Collection(declaration.Members,
            m => Assert.IsType<GridMemberSyntax>(m),
            m => Assert.IsType<ErrorMemberSyntax>(m),
            m => Assert.IsType<HorizonMemberSyntax>(m));
        var error = Assert.Single(tree.Diagnostics);
        Assert.Contains("did you mean 'walls'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_declaration_keeps_the_symbols_and_diagnostics_of_the_others()
    {
        var markup = """
            environment Maze {
              grid 9 x 9
              item cheese spawn corner(top_right 1)
            }

            objectiv Broken {
              reward +1 each step
            }

            objective EatCheese {
              reward +1 when agent reaches cheese
            }

            objective Corner {
              reward +1 when agent reaches corner(top_right)
            }

            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp using ppo(steps: 1k)
              evaluate on Maze, [|Mazy|]
            }
            """;
        var compilation = Check.Diagnostics(markup, UnknownName);
        Assert.Equal(2, compilation.Diagnostics.Count(d => d.Code == UnexpectedInput));
        Assert.Equal(["Maze", "EatCheese", "Corner", "Run"], compilation.Symbols.Declarations.Select(d => d.Name));
        // The broken item line still declares its kind, so the objective's reference resolves.
        Assert.Contains("cheese", compilation.Symbols.ItemKinds.Keys);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Message.Contains("'cheese'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_closing_brace_stops_at_the_next_declaration()
    {
        var tree = SyntaxTree.Parse("""
            objective A {
              reward +1 each step

            objective B {
              reward +2 each step
            }
            """);
        Assert.Equal(["A", "B"], tree.Root.Declarations.Select(d => d.Name.Text));
        var error = Assert.Single(tree.Diagnostics);
        Assert.Equal(MissingCloseBrace, error.Code);
        Assert.Single(tree.Root.Declarations.First().Members);
    }

    [Fact]
    public void An_unclosed_string_is_reported_once_and_the_rest_parses()
    {
        var tree = SyntaxTree.Parse("""
            environment E {
              layout {
                "###
                "#A#"
                "###"
              }
              horizon 9
            }
            objective O {
              reward +1 each step
            }
            """);
        Assert.Equal([UnterminatedString], tree.Diagnostics.Select(d => d.Code));
        Assert.Equal(2, tree.Root.Declarations.Count());
        Assert.Contains(tree.Root.DescendantsAndSelf(), n => n is HorizonMemberSyntax);
    }

    [Fact]
    public void Too_many_errors_are_summarised()
    {
        var text = "environment E {\n" + string.Concat(Enumerable.Repeat("  ???\n", 300)) + "}\n";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(SyntaxTree.MaxSyntaxErrors + 1, tree.Diagnostics.Length);
        var summary = tree.Diagnostics[^1];
        Assert.Equal(TooManyErrors, summary.Code);
        Assert.Contains("more syntax errors not shown", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flood_of_errors_is_cut_short_and_the_rest_skipped()
    {
        var text = "environment E {\n" + string.Concat(Enumerable.Repeat("  ?? x\n", 50_000)) + "}\nobjective Later {\n  reward +1 each step\n}\n";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(SyntaxTree.MaxSyntaxErrors + 1, tree.Diagnostics.Length);
        Assert.Contains("the rest of the file was not parsed", tree.Diagnostics[^1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code == MissingCloseBrace);
        Assert.Equal(text.Length, tree.Root.Span.Length);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_parsing()
    {
        var text = "environment E {\n  walls maze" + new string('(', 10_000) + new string(')', 10_000) + "\n}\n";
        var tree = SyntaxTree.Parse(text);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(NestingTooDeep, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        var list = new string('[', 20) + "1" + new string(']', 20);
        var tree = SyntaxTree.Parse($"experiment X(p: [int] = {list}) {{\n}}\n");
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code == NestingTooDeep);
    }

    [Fact]
    public void Members_may_be_separated_by_semicolons()
    {
        var compilation = Compilation.Create("environment E { grid 5 x 5; horizon 9; item goal }\n");
        Assert.Empty(compilation.MainTree.Diagnostics);
        Assert.Equal(3, compilation.MainTree.Root.Declarations.Single().Members.Length);
    }
}
