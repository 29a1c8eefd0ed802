using System.Globalization;
using MesaSpec.Cli.Cluster;

namespace MesaSpec.Cli.Commands;

/// <summary><c>run</c>'s scheduler options: <c>--on BACKEND</c> and what it passes on (partition, array parallelism, time, CPUs, raw sbatch arguments).</summary>
internal sealed record ClusterArguments(IClusterBackend? Backend, ClusterOptions Options, bool Explicit)
{
    private static readonly string[] SchedulerOptions = ["--partition", "--array-parallelism", "--time", "--cpus-per-task", "--sbatch-arg"];

    public static ClusterArguments Parse(CommandArguments parsed, CommandContext context, out bool failed)
    {
        failed = false;
        var none = new ClusterArguments(null, new ClusterOptions(null, null, null, null, []), false);
        IClusterBackend? backend = null;
        if (parsed.Options.TryGetValue("--on", out var name) && name != "local")
        {
            backend = ClusterBackends.Find(name);
            if (backend is null)
            {
                failed = true;
                UsageError.Write(context, $"unknown --on '{name}' (expected local or {string.Join(", ", ClusterBackends.All.Select(b => b.Name))})");
                return none;
            }
        }
        var given = SchedulerOptions.Where(parsed.Options.ContainsKey).ToList();
        if (backend is null && given.Count > 0 && !parsed.Options.ContainsKey("--resume"))
        {
            failed = true;
            UsageError.Write(context, $"{given[0]} is a scheduler option: it needs --on slurm (or --resume ID)");
            return none;
        }
        if (backend is not null && parsed.Options.ContainsKey("--jobs"))
        {
            failed = true;
            UsageError.Write(context, "--jobs runs tasks on this machine; with --on slurm use --array-parallelism K");
            return none;
        }
        var bad = false;
        int? Positive(string option)
        {
            if (!parsed.Options.TryGetValue(option, out var text))
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100000)
            {
                return value;
            }
            bad = true;
            UsageError.Write(context, $"{option} takes a whole number from 1, not '{text}'");
            return null;
        }
        var options = new ClusterOptions(
            parsed.Options.GetValueOrDefault("--partition"),
            Positive("--array-parallelism"),
            parsed.Options.GetValueOrDefault("--time"),
            Positive("--cpus-per-task"),
            parsed.All("--sbatch-arg"));
        failed = bad;
        return failed ? none : new ClusterArguments(backend, options, given.Count > 0);
    }
}
