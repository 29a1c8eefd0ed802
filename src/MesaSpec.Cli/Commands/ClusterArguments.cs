using System.CommandLine;
using MesaSpec.Cli.Cluster;
using MesaSpec.Cli.Parsing;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Commands;

/// <summary><c>run</c>'s scheduler options: <c>--on BACKEND</c> and what it passes on (partition, array parallelism, time, CPUs, raw sbatch arguments).</summary>
internal sealed record ClusterArguments(IClusterBackend? Backend, ClusterOptions Options, bool Explicit)
{
    /// <summary>The scheduler options as <c>run</c> declares them.</summary>
    internal sealed class Declaration
    {
        public Option<string> On { get; } = CliOptions.Choice("--on", ["local", .. ClusterBackends.All.Select(b => b.Name)], "local",
            "where the tasks run: local (this machine) or slurm (one job array; the run folder must be on a shared filesystem)",
            name => DiagnosticCatalog.InvalidUsage($"unknown --on '{name}' (expected local or {string.Join(", ", ClusterBackends.All.Select(b => b.Name))})"));

        public Option<string?> Partition { get; } = CliOptions.Text("--partition", "P", "the Slurm partition");

        public Option<int?> ArrayParallelism { get; } = CliOptions.WholeNumber("--array-parallelism", 1, 100000, "at most K tasks of the array at once", showMax: false);

        public Option<string?> Time { get; } = CliOptions.Text("--time", "T", "the Slurm time limit of each task");

        public Option<int?> CpusPerTask { get; } = CliOptions.WholeNumber("--cpus-per-task", 1, 100000, "CPUs per task (default --threads)", showMax: false);

        public Option<string[]> SbatchArguments { get; } = CliOptions.Repeatable("--sbatch-arg", "ARG", "passed on to sbatch (repeatable)");

        public IEnumerable<Option> All => [On, Partition, ArrayParallelism, Time, CpusPerTask, SbatchArguments];

        public IEnumerable<Option> SchedulerOptions => [Partition, ArrayParallelism, Time, CpusPerTask, SbatchArguments];
    }

    /// <param name="resuming">--resume ID was given: scheduler options change the run's without --on.</param>
    /// <param name="localJobs">--jobs was given: it runs tasks on this machine, so it does not mix with a scheduler.</param>
    public static ClusterArguments? Parse(Declaration declared, ParseResult parsed, bool resuming, bool localJobs, CommandContext context)
    {
        var name = parsed.GetValue(declared.On)!;
        var backend = name == "local" ? null : ClusterBackends.Find(name);
        var given = declared.SchedulerOptions.Where(o => parsed.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (backend is null && given.Count > 0 && !resuming)
        {
            UsageError.Write(context, $"{given[0]} is a scheduler option: it needs --on slurm (or --resume ID)");
            return null;
        }
        if (backend is not null && localJobs)
        {
            UsageError.Write(context, "--jobs runs tasks on this machine; with --on slurm use --array-parallelism K");
            return null;
        }
        var options = new ClusterOptions(
            parsed.GetValue(declared.Partition),
            parsed.GetValue(declared.ArrayParallelism),
            parsed.GetValue(declared.Time),
            parsed.GetValue(declared.CpusPerTask),
            parsed.GetValue(declared.SbatchArguments) ?? []);
        return new ClusterArguments(backend, options, given.Count > 0);
    }
}
