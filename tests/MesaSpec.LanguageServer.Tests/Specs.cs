namespace MesaSpec.LanguageServer.Tests;

/// <summary>Spec texts and cursor markup for tests. <c>$</c> in a text marks the cursor.</summary>
public static class Specs
{
    public const string Uri = "file:///workspace/main.mesa";

    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    public static string Cheese => Example("cheese-in-the-corner.mesa");

    /// <summary>Removes the cursor marker and returns its 0-based line and character.</summary>
    public static (string Text, Protocol.Position Cursor) Cursor(string marked)
    {
        var offset = marked.IndexOf('$', StringComparison.Ordinal);
        var text = marked.Remove(offset, 1);
        var before = text[..offset];
        var line = before.Count(c => c == '\n');
        var character = offset - (before.LastIndexOf('\n') + 1);
        return (text, new Protocol.Position(line, character));
    }

    /// <summary>The position of the <paramref name="occurrence"/>-th <paramref name="word"/> (0-based), plus <paramref name="into"/> characters.</summary>
    public static Protocol.Position At(string text, string word, int occurrence = 0, int into = 1)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = text.IndexOf(word, offset + 1, StringComparison.Ordinal);
        }
        var before = text[..(offset + into)];
        return new Protocol.Position(before.Count(c => c == '\n'), offset + into - (before.LastIndexOf('\n') + 1));
    }
}
