using System.Diagnostics;

namespace MesaSpec.Cli.Tests.Support;

/// <summary>What an external program printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs external programs (a shell, dotnet, the installed tool) with a time limit, killing the process tree on a hang.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="script"/> with <paramref name="shell"/> (fed on stdin) and returns its stdout.</summary>
    public static string Run(string shell, string script)
    {
        var result = Process(shell, [], null, TimeSpan.FromSeconds(30), input: script);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Out;
    }

    public static ProcessResult Process(string program, IEnumerable<string> args, string? workingDirectory, TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish within {limit}");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
