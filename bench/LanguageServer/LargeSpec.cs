using System.Globalization;
using System.Text;

namespace MesaSpec.LanguageServer.Bench;

/// <summary>A realistic large spec: the cheese-in-the-corner declarations repeated under fresh names until it has the wanted line count.</summary>
public static class LargeSpec
{
    public static string Build(string example, int lines)
    {
        var b = new StringBuilder();
        for (var i = 0; b.ToString().Count(c => c == '\n') < lines; i++)
        {
            var suffix = i.ToString(CultureInfo.InvariantCulture);
            b.Append(example
                .Replace("MazeAnywhere", "MazeAnywhere" + suffix, StringComparison.Ordinal)
                .Replace("Maze(", "Maze" + suffix + "(", StringComparison.Ordinal)
                .Replace("extends Maze ", "extends Maze" + suffix + " ", StringComparison.Ordinal)
                .Replace("train on Maze ", "train on Maze" + suffix + " ", StringComparison.Ordinal)
                .Replace("evaluate on Maze,", "evaluate on Maze" + suffix + ",", StringComparison.Ordinal)
                .Replace("expect on Maze:", "expect on Maze" + suffix + ":", StringComparison.Ordinal)
                .Replace("EatCheese", "EatCheese" + suffix, StringComparison.Ordinal)
                .Replace("GoToCorner", "GoToCorner" + suffix, StringComparison.Ordinal)
                .Replace("CheeseInTheCorner", "CheeseInTheCorner" + suffix, StringComparison.Ordinal)).Append('\n');
        }
        return b.ToString();
    }
}
