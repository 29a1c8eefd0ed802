using System.CommandLine;
using MesaSpec.Cli.Cluster;

namespace MesaSpec.Cli.Commands;

/// <summary><c>mesaspec cancel ID</c>: cancels a distributed run's queued and running tasks, keeps the finished ones.</summary>
public sealed class CancelCommand : ICommand
{
    private readonly Argument<string> _id = new("ID") { Description = "the distributed run's id, or its folder's path" };

    public CancelCommand()
    {
        Declaration = new Verb("cancel", "cancel a distributed run (scancel); finished tasks are kept", """
            Cancels every task of the run the scheduler still holds (Slurm: scancel), marks the run cancelled
            and collects the tasks that finished into its report. mesaspec run --resume ID submits the rest later.
            exit codes: 0 cancelled, 2 unknown run or the scheduler refused
            """)
        {
            _id,
        };
    }

    public Command Declaration { get; }

    public int Run(ParseResult parsed, CommandContext context)
    {
        if (ClusterRunOpening.Open(parsed.GetValue(_id)!, context) is not { } folder)
        {
            return ExitCodes.UsageOrInput;
        }
        var state = folder.State();
        if (ClusterBackends.Find(state.Backend) is not { } backend)
        {
            return UsageError.Write(context, $"run {folder.Manifest.Id} ran on this machine; Ctrl-C cancels such runs");
        }
        try
        {
            backend.Cancel(folder);
        }
        catch (ClusterBackendException e)
        {
            ClusterRunOpening.SubmissionFailed(backend.Name, e.Message, context);
            return ExitCodes.UsageOrInput;
        }
        folder.SaveState(state with { Cancelled = true });
        context.Out.WriteLine($"run {folder.Manifest.Id}: cancelled ({backend.Name} jobs {string.Join(", ", state.Submissions.Select(s => s.JobId))})");
        var collected = CollectCommand.Collect(folder, context);
        return collected == ExitCodes.UsageOrInput ? collected : ExitCodes.Success;
    }
}
