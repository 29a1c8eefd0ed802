using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using Spectre.Console;

namespace MesaSpec.Cli.Running;

/// <summary>
/// Progress for people. With an interactive terminal: a live progress bar per seed (step, mean return,
/// steps/s, ETA). Otherwise (CI logs, redirected output): a line at every tenth of a seed's training.
/// </summary>
internal sealed class ConsoleRunObserver(IAnsiConsole console, bool live, Action<RunReport> onReport) : IRunObserver
{
    private readonly Lock _gate = new();
    private ProgressContext? _context;
    private ProgressTask? _task;
    private int _lastTenth = -1;
    private string _label = "";

    /// <summary>Runs <paramref name="work"/> inside a live progress display when the terminal allows it.</summary>
    public T Show<T>(Func<T> work)
    {
        if (!live)
        {
            return work();
        }
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                result = work();
            });
        return result;
    }

    public void SeedStarted(int point, int points, int seed)
    {
        lock (_gate)
        {
            _label = points > 1 ? $"point {point + 1}/{points}, seed {seed}" : $"seed {seed}";
            _lastTenth = -1;
            if (_context is not null)
            {
                _task?.StopTask();
                _task = _context.AddTask(Markup.Escape(_label), maxValue: 1);
            }
            else
            {
                console.WriteLine($"{_label}: started");
            }
        }
    }

    public void TrainingProgress(int point, TrainingProgress progress)
    {
        lock (_gate)
        {
            var fraction = progress.TotalSteps == 0 ? 1 : (double)progress.Step / progress.TotalSteps;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{_label}: step {progress.Step:N0}/{progress.TotalSteps:N0}, mean return {Format(progress.MeanEpisodeReturn)}, {progress.StepsPerSecond:N0} steps/s");
            if (_task is not null)
            {
                _task.MaxValue = Math.Max(1, progress.TotalSteps);
                _task.Value = progress.Step;
                _task.Description = Markup.Escape(text);
                return;
            }
            var tenth = (int)(fraction * 10);
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                console.WriteLine(text);
            }
        }
    }

    public void ReportUpdated(RunReport report)
    {
        onReport(report);
        lock (_gate)
        {
            if (_task is not null)
            {
                _task.Value = _task.MaxValue;
                _task.StopTask();
            }
            else if (report.Status == RunStatus.Running)
            {
                console.WriteLine($"{_label}: evaluated");
            }
        }
    }

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
