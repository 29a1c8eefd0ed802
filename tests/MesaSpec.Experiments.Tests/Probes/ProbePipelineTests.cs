using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Probes;

/// <summary>
/// The whole pipeline (record, split, fit, aggregate, expectations, steering) on a stand-in model whose answer is
/// known: its layer 1 is the one-hot code of the cheese's cell, its layer 2 noise, and it acts at random.
/// </summary>
public sealed class ProbePipelineTests
{
    private const string Spec = """
        environment Maze {
          grid 5 x 5
          walls border
          item cheese spawn anywhere
          horizon 12
        }

        environment Open extends Maze {
          walls none
        }

        objective EatCheese {
          reward +1 when agent reaches cheese
          end when agent reaches cheese
        }

        objective GoToCorner {
          reward +1 when agent reaches corner(top_right)
          end when agent reaches corner(top_right)
        }

        experiment Probed {
          base objective EatCheese
          mesa objective GoToCorner
          train on Maze with mlp(hidden: [8, 8]) using ppo(steps: 1)
          seeds 2
          evaluate on Open episodes 150
          probe Encoded: cell_of(EatCheese) at layer 1
          probe Noise: cell_of(EatCheese) at layer 2
          probe Nearer: closer(EatCheese, GoToCorner) at layer 2
          steer Nearer by 0
          expect on Open: probe(Encoded) >= 0.95
          expect on Open: probe(Encoded) > chance
          expect on Open: probe(Encoded) > probe(Noise)
          expect on Open: probe(Noise) > chance
        }
        """;

    private static RunReport Run()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec, "probed.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        return new ExperimentRunner(new StandInTrainer(), new RunOptions()).Run(compilation.Plans.Single(), new SpecInfo("probed.mesa", "hash", "trained"), null, CancellationToken.None);
    }

    [Fact]
    public void An_encoded_cell_is_read_almost_perfectly_noise_is_not_and_the_expectations_say_so()
    {
        var report = Run();

        Assert.Equal(RunStatus.Finished, report.Status);
        var probes = report.Points[0].Probes!;
        var encoded = probes.Single(p => p.Probe == "Encoded");
        var noise = probes.Single(p => p.Probe == "Noise");
        Assert.Equal("accuracy", encoded.Measure);
        Assert.True(encoded.Score.Mean > 0.95, $"encoded {encoded.Score.Mean}");
        Assert.True(noise.Score.Mean < encoded.Chance.Mean + 0.25, $"noise {noise.Score.Mean}, chance {noise.Chance.Mean}");
        Assert.Equal(2, encoded.PerSeed.Count);
        Assert.All(encoded.PerSeed, s => Assert.True(s.TrainLevels > s.TestLevels && s.TestLevels > 0));
        Assert.Equal([true, true, true, false], report.Expectations.Select(e => e.Passed));
    }

    [Fact]
    public void Steering_with_a_zero_vector_leaves_every_score_exactly_as_it_was()
    {
        var report = Run();

        var steering = Assert.Single(report.Points[0].Steering!);
        Assert.Equal("Nearer", steering.Probe);
        Assert.All(steering.Objectives, o =>
        {
            Assert.Equal(o.Unsteered.Mean, o.Steered.Mean);
            Assert.Equal(0, o.Change.Mean!.Value, 12);
        });
    }

    private sealed class StandInTrainer : ITrainer
    {
        public ITrainedPolicy Train(TrainedPolicy spec, ObjectiveModel baseObjective, int seed, EnvironmentFactory environments, TrainingSettings settings,
            IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) => new CheeseCoder(seed);
    }

    /// <summary>Layer 1: one unit per cell, 1 at the cheese. Layer 2: noise. Acts uniformly at random.</summary>
    private sealed class CheeseCoder(int seed) : ITrainedPolicy, IInspectablePolicy
    {
        private DeterministicRandom random = DeterministicRandom.For(seed, 0, 11);
        private DeterministicRandom noise = DeterministicRandom.For(seed, 1, 12);

        public void RestartActing()
        {
            random = DeterministicRandom.For(seed, 0, 11);
            noise = DeterministicRandom.For(seed, 1, 12);
        }

        public IReadOnlyList<LearningCurvePoint> LearningCurve => [];

        public string? CheckpointPath => null;

        public int Layers => 2;

        public void Act(IVectorEnvironment environment, Span<int> actions)
        {
            for (var i = 0; i < environment.Count; i++)
            {
                actions[i] = random.NextInt(4);
            }
        }

        public IReadOnlyList<float[]> ActAndRead(IVectorEnvironment environment, Span<int> actions, IReadOnlyList<int> layers)
        {
            var grid = (GridVectorEnvironment)environment;
            var cells = grid.Environment.Width * grid.Environment.Height;
            var read = layers.Select(l => new float[environment.Count * (l == 1 ? cells : 16)]).ToList();
            for (var i = 0; i < environment.Count; i++)
            {
                var level = grid.LevelOf(i);
                for (var k = 0; k < layers.Count; k++)
                {
                    if (layers[k] == 1)
                    {
                        for (var item = 0; item < level.ItemCells.Length; item++)
                        {
                            if ((grid.AliveItems(i) & (1UL << item)) != 0)
                            {
                                read[k][i * cells + level.ItemCells[item]] = 1;
                            }
                        }
                    }
                    else
                    {
                        for (var u = 0; u < 16; u++)
                        {
                            read[k][i * 16 + u] = (float)noise.NextDouble();
                        }
                    }
                }
            }
            Act(environment, actions);
            return read;
        }

        public IDisposable Steer(int layer, float[] shift) => new Nothing();

        public void RestartSampling() => random = DeterministicRandom.For(seed, 0, 11);

        public void Dispose()
        {
        }

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
