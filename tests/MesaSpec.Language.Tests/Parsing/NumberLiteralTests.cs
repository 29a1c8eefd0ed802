using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Tests.Parsing;

public sealed class NumberLiteralTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("42", 42)]
    [InlineData("1_000", 1000)]
    [InlineData("1_0_0", 100)]
    [InlineData("500k", 500_000)]
    [InlineData("2M", 2_000_000)]
    [InlineData("1.5M", 1_500_000)]
    [InlineData("2.5k", 2500)]
    [InlineData("+10", 10)]
    [InlineData("-0.01", -0.01)]
    [InlineData("3.25", 3.25)]
    [InlineData("1e3", 1000)]
    [InlineData("1E3", 1000)]
    [InlineData("2.5e-4", 0.00025)]
    [InlineData("-1e+2", -100)]
    [InlineData("1_000.000_1", 1000.0001)]
    [InlineData("1e1k", 10_000)]
    public void Value_of_a_literal(string text, double expected)
    {
        var number = Parse(text);
        Assert.Equal(text, number.Text);
        Assert.Equal(expected, number.Value, 9);
    }

    [Theory]
    [InlineData("500k", true)]
    [InlineData("2.5k", true)]
    [InlineData("7", true)]
    [InlineData("-3", true)]
    [InlineData("2.5", false)]
    [InlineData("1e3", false)]
    public void Integer_literals(string text, bool isInteger) => Assert.Equal(isInteger, Parse(text).IsInteger);

    [Theory]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1e")]
    [InlineData("5kk")]
    [InlineData("1__x")]
    [InlineData("1_000_")]
    [InlineData("1__0")]
    [InlineData("1_.5")]
    public void Malformed_numbers_are_syntax_errors(string text)
    {
        var tree = SyntaxTree.Parse($"environment E {{\n  horizon {text}\n}}\n");
        Assert.Contains(tree.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.UnexpectedInput);
    }

    [Fact]
    public void A_number_span_covers_exactly_its_text()
    {
        var source = "environment E {\n  horizon   1_500k   // comment\n}\n";
        var number = Parse(source, whole: true);
        Assert.Equal("1_500k", source.Substring(number.Span.Start, number.Span.Length));
    }

    private static NumberLiteralSyntax Parse(string text, bool whole = false)
    {
        var tree = SyntaxTree.Parse(whole ? text : $"environment E {{\n  horizon {text}\n}}\n");
        Assert.Empty(tree.Diagnostics);
        return Assert.Single(tree.Root.DescendantsAndSelf().OfType<NumberLiteralSyntax>());
    }

    [Theory]
    [InlineData("1\u1a960")]
    [InlineData("\u0661")]
    [InlineData("2.\u0663")]
    public void A_unicode_digit_is_not_part_of_a_number_and_never_crashes_the_parser(string text)
    {
        // Found by the fuzz soak (bench/fuzz): U+1A96 after a digit threw a FormatException out of the parser.
        var tree = SyntaxTree.Parse($"environment E {{\n  grid {text} x 5\n}}\n");
        Assert.Contains(tree.Diagnostics, d => d.IsError);
    }
}
