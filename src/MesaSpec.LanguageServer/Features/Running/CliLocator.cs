namespace MesaSpec.LanguageServer.Features.Running;

/// <summary>
/// Finds the <c>mesaspec</c> program: the path the client configured (<c>mesaspec.cli.path</c>; a bare name is
/// looked up on PATH), else <c>mesaspec</c> on PATH. Null when there is none, so the caller can say so clearly.
/// </summary>
public static class CliLocator
{
    public const string ProgramName = "mesaspec";

    public static string? Find(string? configured, string? pathVariable = null)
    {
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var expanded = configured.StartsWith('~') ? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), configured[1..]) : configured;
            if (expanded.Contains(Path.DirectorySeparatorChar) || expanded.Contains(Path.AltDirectorySeparatorChar))
            {
                return File.Exists(expanded) ? Path.GetFullPath(expanded) : null;
            }
            return OnPath(expanded, pathVariable);
        }
        return OnPath(ProgramName, pathVariable);
    }

    private static string? OnPath(string name, string pathVariable)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd", name } : [name];
        foreach (var folder in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var full = Path.Combine(folder, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }
        return null;
    }

    public static string MissingMessage(string? configured) => configured is null
        ? "cannot run: the 'mesaspec' program was not found on PATH. Install it (dotnet tool install -g MesaSpec.Cli) or set 'mesaspec.cli.path' to its location."
        : $"cannot run: 'mesaspec.cli.path' is set to '{configured}', which does not exist. Fix the setting or clear it to use 'mesaspec' from PATH.";
}
