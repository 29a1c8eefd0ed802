using System.Globalization;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using Spectre.Console;

namespace MesaSpec.Cli.Running;

/// <summary>
/// Progress for people. With an interactive terminal: a live progress bar per seed (step, mean return,
/// steps/s, ETA). Otherwise (CI logs, redirected output): a line at every tenth of a seed's training.
/// Seeds trained at once (<c>--jobs</c>) each have their bar or lines, told apart by point and seed;
/// <paramref name="prefix"/> goes before every label (<c>mesaspec test</c> names the experiment there).
/// </summary>
internal sealed class ConsoleRunObserver(IAnsiConsole console, bool live, Action<RunReport> onReport, string prefix = "") : IRunObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Point, int Seed), SeedLine> _seeds = [];
    private ProgressContext? _context;

    private sealed class SeedLine(string label, ProgressTask? task)
    {
        public string Label { get; } = label;

        public ProgressTask? Task { get; } = task;

        public int LastTenth { get; set; } = -1;

        public bool Done { get; set; }
    }

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
            var label = prefix + (points > 1 ? $"point {point + 1}/{points}, seed {seed}" : $"seed {seed}");
            _seeds[(point, seed)] = new SeedLine(label, _context?.AddTask(Markup.Escape(label), maxValue: 1));
            if (_context is null)
            {
                console.WriteLine($"{label}: started");
            }
        }
    }

    public void TrainingProgress(int point, TrainingProgress progress)
    {
        lock (_gate)
        {
            if (!_seeds.TryGetValue((point, progress.Seed), out var seed))
            {
                return;
            }
            var fraction = progress.TotalSteps == 0 ? 1 : (double)progress.Step / progress.TotalSteps;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{seed.Label}: step {progress.Step:N0}/{progress.TotalSteps:N0}, {(progress.Loss is { } loss ? $"loss {Format(loss)}" : $"mean return {Format(progress.MeanEpisodeReturn)}")}, {progress.StepsPerSecond:N0} steps/s");
            if (seed.Task is { } task)
            {
                task.MaxValue = Math.Max(1, progress.TotalSteps);
                task.Value = progress.Step;
                task.Description = Markup.Escape(text);
                return;
            }
            var tenth = (int)(fraction * 10);
            if (tenth > seed.LastTenth)
            {
                seed.LastTenth = tenth;
                console.WriteLine(text);
            }
        }
    }

    public void ReportUpdated(RunReport report)
    {
        onReport(report);
        lock (_gate)
        {
            // The seeds this report completes (one at a time in order; any order with --jobs).
            for (var p = 0; p < report.Points.Count; p++)
            {
                foreach (var completed in report.Points[p].CompletedSeeds)
                {
                    if (_seeds.TryGetValue((p, completed), out var seed) && !seed.Done)
                    {
                        seed.Done = true;
                        if (seed.Task is { } task)
                        {
                            task.Value = task.MaxValue;
                            task.StopTask();
                        }
                        else
                        {
                            console.WriteLine($"{seed.Label}: evaluated");
                        }
                    }
                }
            }
            if (report.Status != RunStatus.Running)
            {
                foreach (var seed in _seeds.Values.Where(s => !s.Done))
                {
                    seed.Done = true;
                    seed.Task?.StopTask();
                }
            }
        }
    }

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
