using MesaSpec.Experiments.Probes;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Experiments.Tests.Probes;

/// <summary>A seed's probes and steering travel in its outcome file, so worker processes and Slurm tasks report them too.</summary>
public sealed class ProbeOutcomeJsonTests
{
    [Fact]
    public void Probes_and_steering_survive_the_outcome_file_form()
    {
        var outcome = new SeedOutcome(0, 3, [], null, [])
        {
            Probes = [new ProbeSeedResult(1, "Nearer", 3, 0.84, 0.6, 2400, 1000, 130, 58, 60.2), new ProbeSeedResult(0, "Cell", 3, null, null, 0, 0, 0, 1, null)],
            Steering = [new SteeringSeedResult(1, "Nearer", 3, 4, [5, 5, 7], [[0.5, null, 1]], [[0.25, null, 1]])],
        };

        var back = SeedOutcomeJson.Deserialize(SeedOutcomeJson.Serialize(outcome))!;

        Assert.Equal(outcome.Probes, back.Probes);
        var steering = Assert.Single(back.Steering);
        Assert.Equal([5, 5, 7], steering.LevelIds);
        Assert.Equal([0.25, null, 1], steering.Steered[0]);
        Assert.Equal(4, steering.Scale);
    }
}
