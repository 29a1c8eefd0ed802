using System.Text.Json;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// <c>mesaspec run --resume-from CHECKPOINT</c>: where each seed's model takes its initial weights from, instead of a
/// fresh initialisation. CHECKPOINT is a weights file (every seed of every point starts from it), or the folder of an
/// earlier run (its <c>report.json</c> records each point's and seed's final checkpoint, and each seed resumes from
/// its own). The spec's phases then train on from there.
/// </summary>
public static class ResumePoint
{
    public const string ReportFile = "report.json";

    /// <summary>Why <paramref name="path"/> cannot be resumed from, or null when it can (checked before anything trains).</summary>
    public static string? Problem(string path) =>
        File.Exists(path) ? null
        : !Directory.Exists(path) ? "no such file or folder"
        : File.Exists(Path.Combine(path, ReportFile)) ? null
        : $"the folder holds no {ReportFile}: name a checkpoint file, or the folder of a run";

    /// <summary>The checkpoint seed <paramref name="seed"/> of point <paramref name="point"/> starts from; null without <paramref name="resumeFrom"/>.</summary>
    public static string? For(string? resumeFrom, int point, int seed)
    {
        if (resumeFrom is null || File.Exists(resumeFrom))
        {
            return resumeFrom;
        }
        var report = Path.Combine(resumeFrom, ReportFile);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(report));
            var points = document.RootElement.GetProperty("points");
            if (point < points.GetArrayLength())
            {
                foreach (var training in points[point].GetProperty("training").EnumerateArray())
                {
                    if (training.GetProperty("seed").GetInt32() == seed && training.GetProperty("checkpoint").GetString() is { } checkpoint)
                    {
                        return Path.GetFullPath(checkpoint, resumeFrom);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new TrainingFailedException($"cannot resume from {report}: {e.Message}");
        }
        throw new TrainingFailedException($"the run in {resumeFrom} recorded no checkpoint for point {point + 1}, seed {seed}; resume from a run of the same sweep and seeds, or from one checkpoint file");
    }
}
