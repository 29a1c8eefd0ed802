namespace MesaSpec.Cli.Commands;

/// <summary>Where a command writes, relative to which folder, and whether it may use colour. Tests pass StringWriters.</summary>
public sealed record CommandContext(
    TextWriter Out,
    TextWriter Error,
    string CurrentDirectory,
    bool UseColor,
    CancellationToken Cancellation = default)
{
    /// <summary>
    /// A path as the user should see it: relative to the current folder when inside it, on one line (a newline in
    /// a file name is shown as <c>\n</c>, so <c>path:line:col</c> stays parseable).
    /// </summary>
    public string Display(string fullPath)
    {
        if (fullPath.Length == 0)
        {
            return fullPath;
        }
        var relative = Path.GetRelativePath(CurrentDirectory, fullPath);
        return Output.PrintableText.OneLine(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative);
    }

    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>The terminal's columns when the output is one; null when it goes to a file or a pipe (no width to fit).</summary>
    public int? Width { get; init; }
}
