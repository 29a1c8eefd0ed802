using System.ComponentModel;
using System.Diagnostics;

namespace MesaSpec.Cli.Cluster;

/// <summary>A scheduler command (sbatch, squeue, scancel) run to completion, its output captured.</summary>
internal static class ExternalCommand
{
    public sealed record Result(int ExitCode, string Out, string Error);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="program"/>; throws <see cref="ClusterBackendException"/> when it cannot start or hangs.</summary>
    public static Result Run(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ClusterBackendException($"{program} could not be started");
        }
        catch (Win32Exception)
        {
            throw new ClusterBackendException($"{program} is not installed or not on PATH (is this a Slurm login node? scripts/start-slurm.sh starts a single-node Slurm)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new ClusterBackendException($"{program} did not answer within {Limit.TotalSeconds:0} s (is slurmctld running?)");
            }
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
