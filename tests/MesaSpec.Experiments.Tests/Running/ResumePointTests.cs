using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary><c>--resume-from</c>: a checkpoint file for every seed, or an earlier run's folder with each seed's own recorded checkpoint.</summary>
public sealed class ResumePointTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mesaspec-resume-").FullName;

    [Fact]
    public void A_run_folder_gives_each_point_and_seed_its_recorded_checkpoint()
    {
        File.WriteAllText(Path.Combine(folder, "report.json"), """
            {"points": [
              {"training": [{"seed": 0, "checkpoint": "checkpoints/point0-seed0/a.dat"}, {"seed": 1, "checkpoint": "/abs/b.dat"}]},
              {"training": [{"seed": 0, "checkpoint": null}]}
            ]}
            """);
        Assert.Null(ResumePoint.Problem(folder));
        Assert.Equal(Path.Combine(folder, "checkpoints", "point0-seed0", "a.dat"), ResumePoint.For(folder, 0, 0));
        Assert.Equal("/abs/b.dat", ResumePoint.For(folder, 0, 1));
        Assert.Contains("recorded no checkpoint for point 2, seed 0", Assert.Throws<TrainingFailedException>(() => ResumePoint.For(folder, 1, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<TrainingFailedException>(() => ResumePoint.For(folder, 5, 0));
    }

    [Fact]
    public void A_file_is_every_seeds_start_and_a_bad_path_is_named_before_training()
    {
        var file = Path.Combine(folder, "weights.dat");
        File.WriteAllText(file, "");
        Assert.Equal(file, ResumePoint.For(file, 3, 7));
        Assert.Null(ResumePoint.For(null, 0, 0));
        Assert.Equal("no such file or folder", ResumePoint.Problem(Path.Combine(folder, "none")));
        Directory.CreateDirectory(Path.Combine(folder, "empty"));
        Assert.Contains("no report.json", ResumePoint.Problem(Path.Combine(folder, "empty")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
