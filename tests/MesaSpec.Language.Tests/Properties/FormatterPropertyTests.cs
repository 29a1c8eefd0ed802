using CsCheck;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Properties;

/// <summary>
/// fmt is idempotent and <c>parse(fmt(x))</c> equals <c>parse(x)</c> up to trivia (<see cref="SyntaxShape"/>,
/// same comments in the same order), for every example, every baseline input without syntax errors, and
/// generated specs. The formatter's own writer is checked directly, so a formatter that gave up and
/// returned its input unchanged (its safety net) would fail these tests.
/// </summary>
public sealed class FormatterPropertyTests
{
    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var example in RepositoryFiles.Examples())
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Root, example));
        }
        foreach (var input in Directory.EnumerateFiles(RepositoryFiles.Baselines, "*.mesa", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(input) != "formatted.mesa")
            {
                data.Add(Path.GetRelativePath(RepositoryFiles.Root, input));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Formatting_preserves_meaning_and_is_idempotent(string file)
    {
        var text = RepositoryFiles.Read(file);
        var tree = SyntaxTree.Parse(text);
        if (tree.Diagnostics.Any(d => d.IsError))
        {
            Assert.Equal(text, Formatter.Format(tree));
            return;
        }
        AssertFormatsFaithfully(text);
    }

    [Fact]
    public void Examples_are_formatted()
    {
        foreach (var example in RepositoryFiles.Examples())
        {
            var text = File.ReadAllText(example);
            Assert.True(text == Formatter.Format(text), $"{Path.GetFileName(example)} is not in the canonical layout (mesaspec fmt would change it)");
        }
    }

    [Fact]
    public void Windows_line_endings_format_to_the_same_text()
    {
        foreach (var example in RepositoryFiles.Examples())
        {
            var text = File.ReadAllText(example).Replace("\r\n", "\n", StringComparison.Ordinal);
            var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            Assert.True(SyntaxTree.Parse(crlf).Diagnostics.IsEmpty, Path.GetFileName(example));
            Assert.Equal(Formatter.Format(text), Formatter.Format(crlf));
        }
    }

    [Fact]
    public void Generated_specs_format_faithfully() =>
        SpecGenerator.File.Sample(text =>
        {
            var tree = SyntaxTree.Parse(text);
            Assert.True(!tree.Diagnostics.Any(d => d.IsError), "the generator produced invalid syntax:\n" + text + "\n" + string.Join("\n", tree.Diagnostics));
            AssertFormatsFaithfully(text);
        }, iter: PropertyIterations.Of(300), threads: 1);

    private static void AssertFormatsFaithfully(string text)
    {
        var tree = SyntaxTree.Parse(text);
        var written = new DocumentWriter(tree).Write(tree.Root);
        var reparsed = SyntaxTree.Parse(written);
        Assert.True(!reparsed.Diagnostics.Any(d => d.IsError), "formatted text does not parse:\n" + written + "\n" + string.Join("\n", reparsed.Diagnostics));
        Assert.Equal(SyntaxShape.Of(tree.Root), SyntaxShape.Of(reparsed.Root));
        Assert.Equal(tree.Comments.Select(c => c.Text.Replace("\r\n", "\n", StringComparison.Ordinal)), reparsed.Comments.Select(c => c.Text));
        Assert.Equal(written, Formatter.Format(tree));
        Assert.Equal(written, Formatter.Format(written));
    }
}
