using System.Text;

namespace MesaSpec.Fuzz;

/// <summary>
/// Seeded mutations of real specs: the kinds of damage an editor session, a bad merge or an attacker produces
/// (deleted, duplicated and swapped spans; inserted tokens, deep nesting, long chains, odd characters; truncation).
/// The same seed gives the same inputs, so a crash can be replayed.
/// </summary>
public sealed class Mutator(IReadOnlyList<string> corpus, int seed)
{
    private const int MaxLength = 256 * 1024;

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ",", ":", ";", "\"", "//", "/*", "*/", "\n", "\r\n", "\t", " ",
        "environment", "objective", "experiment", "task", "import", "extends", "except", "grid", "walls", "item",
        "agent", "spawn", "reward", "when", "end", "train", "on", "with", "using", "evaluate", "expect", "sweep",
        "seeds", "horizon", "observation", "window(3,3)", "window(4)", "count 0", "count -1", "anywhere", "cell(0, 0)",
        "rect(0, 0, 99, 99)", "corner(top_right, 1)", "maze", "rooms", "mlp(hidden: [0])", "mlp(hidden: [100000, 100000])",
        "ppo(steps: 1e309)", "1e309", "-1e309", "NaN", "0", "-0", "1_000_", "1__0", "999999999999999999999", "0.5", "1k", "2M",
        "\u2028", "\u2029", "\u0085", "\r", "\u00e9", "\ud83d\ude00", "\ufeff", "\u200b", "\"<script>alert(1)</script>\"",
        "import \"\"", "import \"../../../etc/passwd\"", "import \"/dev/zero\"", "import \"main.mesa\"", "pseudo_aligned", "robustly_aligned",
    ];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var text = corpus[_random.Next(corpus.Count)];
        var mutations = 1 + _random.Next(8);
        for (var i = 0; i < mutations && text.Length < MaxLength; i++)
        {
            text = Mutate(text);
        }
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    private string Mutate(string text)
    {
        var at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        var length = Math.Min(text.Length - at, _random.Next(1, 64));
        switch (_random.Next(11))
        {
            case 0:
                return text.Remove(at, length);
            case 1:
                return text.Insert(at, Tokens[_random.Next(Tokens.Length)]);
            case 2:
                return text.Insert(at, text.Substring(at, length));
            case 3:
                // A character replaced by an arbitrary one (printable, control or beyond ASCII).
                return at < text.Length ? text.Remove(at, 1).Insert(at, ((char)_random.Next(0, 0x3000)).ToString()) : text;
            case 4:
                return text[..at];
            case 5:
                return SwapLines(text);
            case 6:
                // Deep nesting or long repetition of one construct.
                var repeated = _random.Next(4) switch { 0 => "(", 1 => "[", 2 => " except cell(0,0)", _ => "{" };
                return text.Insert(at, string.Concat(Enumerable.Repeat(repeated, _random.Next(1, 3000))));
            case 7:
                return text.Insert(at, string.Join(" ", Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Tokens[_random.Next(Tokens.Length)])));
            case 8:
                // A span moved elsewhere.
                var span = text.Substring(at, length);
                var removed = text.Remove(at, length);
                return removed.Insert(_random.Next(removed.Length + 1), span);
            case 9:
                return Digits(text, at);
            default:
                return text.Insert(at, Tokens[_random.Next(Tokens.Length)] + Tokens[_random.Next(Tokens.Length)]);
        }
    }

    private string SwapLines(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return text;
        }
        var (a, b) = (_random.Next(lines.Length), _random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    /// <summary>The next number in the text replaced by an extreme one.</summary>
    private string Digits(string text, int from)
    {
        var start = text.AsSpan(from).IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return text;
        }
        start += from;
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '_'))
        {
            end++;
        }
        string[] extremes = ["0", "-1", "65537", "2147483648", "9223372036854775808", "1e308", "1e-320", "100000", "3.5"];
        return new StringBuilder(text).Remove(start, end - start).Insert(start, extremes[_random.Next(extremes.Length)]).ToString();
    }
}
