namespace MesaSpec.History.Comparison;

/// <summary>
/// Text broken into lines of at most a width at spaces, the continuation lines indented, so a terminal never breaks
/// a word or a number itself (a word longer than the width stays whole on its own line). Used by the terminal's
/// comparison and by the CLI's plain-text tables when they stack on a narrow terminal.
/// </summary>
public static class WordWrap
{
    public static IEnumerable<string> Lines(string text, int width, string indent)
    {
        // The leading spaces are the line's own indent; words follow.
        var words = text.TrimStart(' ');
        var line = text[..(text.Length - words.Length)];
        var empty = line.Length;
        foreach (var word in words.Split(' '))
        {
            if (line.Length > empty && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = indent + word;
                empty = indent.Length;
            }
            else
            {
                line = line.Length == empty ? line + word : $"{line} {word}";
            }
        }
        yield return line;
    }
}
