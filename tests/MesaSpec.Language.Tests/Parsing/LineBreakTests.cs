using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Tests.Parsing;

/// <summary>
/// Issue 11, item 19: U+2028 after a comment turned the rest of the file into one comment with 0 errors (an editor
/// shows the lines after it as code); an empty file gave no warning.
/// </summary>
public sealed class LineBreakTests
{
    [Theory]
    [InlineData("\u2028", "U+2028 (line separator)")]
    [InlineData("\u2029", "U+2029 (paragraph separator)")]
    [InlineData("\u0085", "U+0085 (next line)")]
    [InlineData("\r", "a carriage return without a line feed")]
    public void An_unusual_line_break_is_an_error_with_a_fix(string separator, string name)
    {
        var text = "// a comment" + separator + "environment Hidden {" + separator + "  grid 5 x 5" + separator + "}\n";
        var tree = SyntaxTree.Parse(text);
        var errors = tree.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnusualLineBreak).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(text.IndexOf(separator, StringComparison.Ordinal), errors[0].Span.Start);
        Assert.StartsWith(name + " is not a line break", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("\n", errors[0].Fix!.Edits[0].NewText);
    }

    [Fact]
    public void Fixed_line_breaks_reveal_the_declaration()
    {
        var tree = SyntaxTree.Parse("// a comment\nenvironment Shown {\n  grid 5 x 5\n}\n");
        Assert.Empty(tree.Diagnostics);
        Assert.Single(tree.Root.Declarations);
    }

    [Fact]
    public void Crlf_files_are_not_flagged()
    {
        Assert.Empty(SyntaxTree.Parse("// a comment\r\nenvironment E {\r\n  grid 5 x 5\r\n}\r\n").Diagnostics);
    }

    [Fact]
    public void A_flood_of_separators_is_reported_a_bounded_number_of_times()
    {
        var tree = SyntaxTree.Parse("//" + new string('\u2028', 100_000));
        Assert.Equal(20, tree.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnusualLineBreak));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("// only a comment\n")]
    public void A_file_that_declares_nothing_gets_a_warning(string text)
    {
        var diagnostic = Assert.Single(SyntaxTree.Parse(text).Diagnostics);
        Assert.Equal(DiagnosticCodes.EmptyFile, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
