using System.Diagnostics;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// How to start this same <c>mesaspec</c> as a worker: the .NET host that runs this process with this
/// assembly (under <c>dotnet mesaspec.dll</c>, <c>dotnet run</c> or a test host), or the apphost beside it.
/// </summary>
internal static class WorkerExecutable
{
    public static IReadOnlyList<string> Command()
    {
        var assembly = typeof(CommandLine).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return [host, "exec", assembly];
        }
        var apphost = Path.Combine(Path.GetDirectoryName(assembly)!, OperatingSystem.IsWindows() ? "mesaspec.exe" : "mesaspec");
        return File.Exists(apphost) ? [apphost] : ["dotnet", "exec", assembly];
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var command = Command();
        var info = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in command.Skip(1).Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }
}
