using System.Diagnostics;

namespace MesaSpec.Install.Tests.Support;

/// <summary>What an external program printed and returned.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Out, string Error)
{
    public override string ToString() => $"{Command}: exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";

    public ProcessResult Succeeded()
    {
        Assert.True(ExitCode == 0, ToString());
        return this;
    }
}

/// <summary>Runs dotnet, the installed tool and shells with a time limit; a hang kills the process tree and fails the test.</summary>
public static class Processes
{
    public static ProcessResult Run(string program, IEnumerable<string> args, string workingDirectory, TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        var start = Start(program, args, workingDirectory, environment);
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var command = $"{program} {string.Join(' ', start.ArgumentList)}";
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} did not finish within {limit}");
        }
        process.WaitForExit();
        return new ProcessResult(command, process.ExitCode, output.Result, error.Result);
    }

    public static ProcessStartInfo Start(string program, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The repository's build settings must not leak into projects that stand for a user's own.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        // The fresh projects name their own packages folder (InstalledMesaSpec's nuget.config).
        start.Environment.Remove("NUGET_PACKAGES");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    public static ProcessResult Dotnet(string workingDirectory, TimeSpan limit, params string[] args) =>
        Run("dotnet", args, workingDirectory, limit);
}
