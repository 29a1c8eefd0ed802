using CsCheck;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Properties;

/// <summary>
/// Parsing (and binding, and formatting) never throws and always terminates: on random text, on
/// random token soup, and on mutations of the examples. Each input runs under a watchdog so a hang
/// fails the test with the input instead of stalling the run.
/// </summary>
public sealed class ParserRobustnessTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private const string Alphabet = "abcdefgimnoprstwxyz_ABMXk0123456789 \t\n\r{}()[]\",:;=+-.*/#<>\\";

    private static readonly Gen<string> RandomText = Gen.Frequency(
        (3, Gen.Char[Alphabet].Array[0, 300].Select(c => new string(c))),
        (1, Gen.Char.Array[0, 200].Select(c => new string(c))));

    private static readonly string[] Tokens =
    [
        "environment", "objective", "experiment", "import", "extends", "grid", "x", "walls", "maze", "rooms", "layout", "legend",
        "agent", "spawn", "item", "count", "colour", "shape", "behaviour", "key", "opens", "chest", "hazard", "horizon", "observation",
        "window", "levels", "unlimited", "anywhere", "corner", "top_right", "cell", "rect", "rows", "columns", "except", "reward",
        "each", "step", "when", "reaches", "collects", "end", "base", "mesa", "train", "on", "with", "using", "policy", "oracle",
        "seeds", "evaluate", "episodes", "threshold", "tolerance", "sweep", "in", "expect", "where", "score", "pseudo_aligned",
        "Maze", "cheese", "1", "-2", "2.5", "1_000", "500k", "1M", "1e-3", "\"s\"", "\"", "{", "}", "(", ")", "[", "]", ",", ":",
        "=", ">", ">=", ";", "//", "/*", "*/", "\n", "\n", "\n", " ", " ",
    ];

    private static readonly Gen<string> TokenSoup = Gen.Select(Gen.OneOf(Tokens), Gen.OneOf(" ", "", "\n")).Select((t, s) => t + s).Array[0, 120].Select(string.Concat);

    [Fact]
    public void Random_text_never_throws() => RandomText.Sample(Survives, iter: PropertyIterations.Of(400), threads: 1);

    [Fact]
    public void Random_token_soup_never_throws() => TokenSoup.Sample(Survives, iter: PropertyIterations.Of(400), threads: 1);

    [Fact]
    public void Mutated_examples_never_throw()
    {
        var examples = RepositoryFiles.Examples().Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(examples);
        var mutated = Gen.Select(Gen.Int[0, examples.Length - 1], Mutation.Array[1, 6]).Select((i, mutations) => mutations.Aggregate(examples[i], (text, m) => m(text)));
        mutated.Sample(Survives, iter: PropertyIterations.Of(300), threads: 1);
    }

    [Fact]
    public void Generated_specs_never_throw() => SpecGenerator.File.Sample(Survives, iter: PropertyIterations.Of(200), threads: 1);

    /// <summary>An edit at a random place: delete, duplicate, insert a token or a random character, swap, truncate.</summary>
    private static readonly Gen<Func<string, string>> Mutation = Gen.Select(Gen.Int[0, 6], Gen.Double[0, 1], Gen.Double[0, 1], Gen.OneOf(Tokens), Gen.Char)
        .Select((kind, a, b, token, c) => (Func<string, string>)(text =>
        {
            if (text.Length == 0)
            {
                return token;
            }
            var i = (int)(a * (text.Length - 1));
            var j = Math.Min(text.Length, i + 1 + (int)(b * 40));
            return kind switch
            {
                0 => text.Remove(i, j - i),
                1 => text.Insert(j, text[i..j]),
                2 => text.Insert(i, token),
                3 => text.Insert(i, c.ToString()),
                4 => text[..i] + text[i..j].Reverse().Aggregate("", (s, ch) => s + ch) + text[j..],
                5 => text[..i],
                _ => text.Replace('\n', ' ').Length == text.Length ? text + "\n" : text.Remove(text.IndexOf('\n'), 1),
            };
        }));

    /// <summary>Parse, bind, format and format a range; nothing may throw, everything must end, every span must lie in the text.</summary>
    private static void Survives(string text)
    {
        var work = Task.Run(() =>
        {
            var tree = SyntaxTree.Parse(text, "/ws/main.mesa");
            Assert.Equal(text.Length, tree.Root.Span.Length);
            foreach (var node in tree.Root.DescendantsAndSelf())
            {
                Assert.True(node.Span.Start >= 0 && node.Span.End <= text.Length, $"{node.GetType().Name} span {node.Span} outside the text");
            }
            foreach (var diagnostic in tree.Diagnostics)
            {
                Assert.True(diagnostic.Span.End <= text.Length, $"{diagnostic} outside the text");
            }
            var compilation = Compilation.Create(tree);
            Assert.All(compilation.Diagnostics, d => Assert.True(d.Span.End <= text.Length, d.ToString()));
            var formatted = Formatter.Format(tree);
            Assert.Equal(formatted, Formatter.Format(formatted));
            if (!tree.Diagnostics.Any(d => d.IsError))
            {
                // The writer itself must be faithful, not only the formatter's give-up-and-return-the-input net.
                var written = new DocumentWriter(tree).Write(tree.Root);
                var reparsed = SyntaxTree.Parse(written);
                Assert.True(SyntaxShape.Of(tree.Root) == SyntaxShape.Of(reparsed.Root), "formatting changed the meaning of:\n" + Show(text) + "\ninto:\n" + Show(written));
                Assert.Equal(tree.Comments.Select(c => c.Text.Replace("\r\n", "\n", StringComparison.Ordinal)), reparsed.Comments.Select(c => c.Text));
            }
            Formatter.FormatRange(tree, new Text.TextSpan(text.Length / 2, 0));
        });
        Assert.True(work.Wait(HangLimit), "parsing did not finish: " + Show(text));
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
