using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder.Model;

namespace MesaSpec.Testing.Comparison;

/// <summary>
/// What a researcher reads when a snapshot fails: the values that changed (path, verified → received,
/// tolerance), then a line diff (DiffPlex) of the verified file against the received one with in-tolerance
/// scores put back to their verified values, so only the lines that failed are marked.
/// </summary>
public static class ReadableDiff
{
    private const int Context = 2;
    private const int MaxListed = 12;
    private const int MaxDiffLines = 120;

    private static readonly string[] FirstMembers = ["verdict", "proxy", "passed", "status"];

    private static int Rank(JsonPath path) =>
        path.LastMember is { } member && Array.IndexOf(FirstMembers, member) is var i and >= 0 ? i : FirstMembers.Length;

    public static string Render(string verifiedText, string normalisedReceivedText, IReadOnlyList<SnapshotDifference> differences)
    {
        var text = new StringBuilder();
        // Verdicts and expectations first: they are what a researcher asks about; scores explain them.
        var ordered = differences.OrderBy(d => Rank(d.Path)).ToList();
        foreach (var difference in ordered.Take(MaxListed))
        {
            text.Append("  ").AppendLine(difference.ToString());
        }
        if (ordered.Count > MaxListed)
        {
            text.AppendLine($"  ... and {ordered.Count - MaxListed} more differences");
        }
        var model = InlineDiffBuilder.Diff(verifiedText, normalisedReceivedText, ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        var lines = model.Lines;
        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    shown[j] = true;
                }
            }
        }
        if (shown.Any(s => s))
        {
            text.AppendLine("  --- verified").AppendLine("  +++ received");
        }
        // Hunks (runs of shown lines) that change a verdict, proxy, pass or status come first, as in the list above:
        // a changed policy also moves many scores, and the cut must not fall before the verdict's own lines.
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (shown[i] && (i == 0 || !shown[i - 1]))
            {
                var end = i;
                while (end + 1 < lines.Count && shown[end + 1])
                {
                    end++;
                }
                hunks.Add((i, end));
            }
        }
        bool Headline((int Start, int End) hunk) => Enumerable.Range(hunk.Start, hunk.End - hunk.Start + 1)
            .Any(i => lines[i].Type != ChangeType.Unchanged && FirstMembers.Any(m => lines[i].Text.TrimStart().StartsWith($"\"{m}\":", StringComparison.Ordinal)));
        var written = 0;
        foreach (var (start, end) in hunks.OrderBy(h => Headline(h) ? 0 : 1))
        {
            text.AppendLine("  ...");
            for (var i = start; i <= end; i++)
            {
                if (++written > MaxDiffLines)
                {
                    text.AppendLine($"  ... (diff cut at {MaxDiffLines} lines; compare the received file with the verified one for the rest)");
                    return text.ToString();
                }
                var mark = lines[i].Type switch
                {
                    ChangeType.Inserted => '+',
                    ChangeType.Deleted => '-',
                    _ => ' ',
                };
                text.Append("  ").Append(mark).Append(' ').AppendLine(lines[i].Text);
            }
        }
        return text.ToString();
    }
}
