using System.CommandLine.Parsing;

namespace MesaSpec.Cli.Parsing;

/// <summary>
/// <c>@file</c> on a command line: the file's arguments in its place, one or more per line, <c>#</c> lines are
/// comments. Paths are relative to the command's folder (not the process's, which differs in tests and hosts).
/// A file that cannot be read is MS0022.
/// </summary>
internal sealed class ResponseFiles(string currentDirectory)
{
    /// <summary>The response file that could not be read, with why; null when all were read.</summary>
    public (string Path, string Reason)? Failure { get; private set; }

    public bool TryReplace(string tokenToReplace, out IReadOnlyList<string>? replacementTokens, out string? errorMessage)
    {
        var path = Path.GetFullPath(tokenToReplace, currentDirectory);
        try
        {
            replacementTokens = File.ReadAllLines(path)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .SelectMany(CommandLineParser.SplitCommandLine)
                .ToList();
            errorMessage = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : $"cannot be read ({e.Message})";
            Failure ??= (tokenToReplace, reason);
            replacementTokens = null;
            errorMessage = $"response file '{tokenToReplace}' {reason}";
            return false;
        }
    }
}
