using System.Diagnostics;

namespace MesaSpec.Cli.Tests.Support;

/// <summary>
/// A test that needs a running Slurm (scripts/start-slurm.sh; .ci/run starts it). Where Slurm is not up it is
/// skipped with the reason, which the test output lists: never silently passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlurmFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Check);

    public SlurmFactAttribute()
    {
        if (Unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Null when a node accepts work; otherwise why these tests cannot run.</summary>
    private static string? Check()
    {
        const string How = "scripts/start-slurm.sh starts a single-node Slurm (as root)";
        try
        {
            var info = new ProcessStartInfo("sinfo", ["--noheader", "--format=%t"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return $"Slurm is not up: sinfo did not answer in 10 s; {How}";
            }
            var states = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return process.ExitCode == 0 && states.Any(s => s.StartsWith("idle", StringComparison.Ordinal) || s.StartsWith("mix", StringComparison.Ordinal) || s.StartsWith("alloc", StringComparison.Ordinal))
                ? null
                : $"Slurm is not up (sinfo: {(error.Result + output.Result).Trim().Split('\n')[0]}); {How}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"Slurm is not installed (no sinfo); {How}";
        }
    }
}
