using System.Text.Json;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Cli.Running;

/// <summary>
/// Progress for programs (the language server): one JSON object per line on stdout. Events:
/// <c>seed</c> (a seed starts), <c>progress</c> (training), <c>report</c> (report.json rewritten),
/// and, from <see cref="RunCommand"/>, <c>finished</c> with the report path, the verdicts and pass/fail.
/// </summary>
internal sealed class JsonLinesRunObserver(TextWriter output, Action<RunReport> onReport) : IRunObserver
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly Lock _gate = new();
    private int _points = 1;
    private int _seedsDone;

    public void SeedStarted(int point, int points, int seed)
    {
        _points = points;
        Write(new { @event = "seed", point, points, seed });
    }

    public void TrainingProgress(int point, TrainingProgress progress) => Write(new
    {
        @event = "progress",
        point,
        seed = progress.Seed,
        step = progress.Step,
        totalSteps = progress.TotalSteps,
        meanReturn = double.IsFinite(progress.MeanEpisodeReturn) ? progress.MeanEpisodeReturn : (double?)null,
        stepsPerSecond = progress.StepsPerSecond,
    });

    public void ReportUpdated(RunReport report)
    {
        onReport(report);
        _seedsDone = report.Points.Sum(p => p.CompletedSeeds.Count);
        Write(new { @event = "report", status = report.Status.Word(), seedsDone = _seedsDone, seedsTotal = report.Seeds.Count * _points });
    }

    public void Write(object message)
    {
        lock (_gate)
        {
            output.WriteLine(JsonSerializer.Serialize(message, Options));
            output.Flush();
        }
    }
}
