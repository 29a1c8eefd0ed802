using MesaSpec.Experiments.Probes;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Catalogue;

namespace MesaSpec.Experiments.Tests.Probes;

/// <summary>The probe's fit on synthetic activations whose answer is known: a linearly encoded feature is read almost perfectly, noise at chance.</summary>
public sealed class LinearProbeTests
{
    private const int Width = 24;

    /// <summary>Rows on <paramref name="levels"/> levels; the feature is the level's class (0..classes-1) or a number.</summary>
    private static (List<float[]> Rows, List<double> Targets, List<int> Levels) Data(int rows, int levels, Func<int, double> feature, bool encoded, ulong salt)
    {
        var random = DeterministicRandom.For(1, 0, salt);
        var direction = Enumerable.Range(0, Width).Select(_ => random.NextDouble() - 0.5).ToArray();
        var result = (Rows: new List<float[]>(), Targets: new List<double>(), Levels: new List<int>());
        for (var i = 0; i < rows; i++)
        {
            var level = i % levels;
            var value = feature(level);
            var row = new float[Width];
            for (var j = 0; j < Width; j++)
            {
                var noise = random.NextDouble() - 0.5;
                // Classes: a one-hot code in the first units; values: along one direction.
                var signal = !encoded ? 0 : feature == Classes ? (j == (int)value ? 3 : 0) : value * direction[j];
                row[j] = (float)(signal + 0.3 * noise);
            }
            result.Rows.Add(row);
            result.Targets.Add(value);
            result.Levels.Add(level);
        }
        return result;
    }

    private static readonly Func<int, double> Classes = level => level % 5;

    private static ProbeFit Fit(FeatureKind kind, Func<int, double> feature, bool encoded)
    {
        var data = Data(600, 30, feature, encoded, 7);
        var held = Enumerable.Range(0, data.Rows.Count).Where(i => data.Levels[i] < 9).ToList();
        var fitted = Enumerable.Range(0, data.Rows.Count).Where(i => data.Levels[i] >= 9).ToList();
        return LinearProbe.Fit(kind,
            fitted.Select(i => data.Rows[i]).ToList(), fitted.Select(i => data.Targets[i]).ToList(), fitted.Select(i => data.Levels[i]).ToList(),
            held.Select(i => data.Rows[i]).ToList(), held.Select(i => data.Targets[i]).ToList());
    }

    [Fact]
    public void An_encoded_class_is_read_almost_perfectly_and_noise_at_chance()
    {
        var encoded = Fit(FeatureKind.Class, Classes, encoded: true);
        var noise = Fit(FeatureKind.Class, Classes, encoded: false);

        Assert.True(encoded.Score > 0.97, $"accuracy {encoded.Score}");
        Assert.True(noise.Score < noise.Chance + 0.15, $"noise accuracy {noise.Score}, chance {noise.Chance}");
        Assert.Null(encoded.Direction);
    }

    [Fact]
    public void An_encoded_value_has_r_squared_near_one_and_noise_near_zero()
    {
        Func<int, double> distance = level => level % 7;
        var encoded = Fit(FeatureKind.Value, distance, encoded: true);
        var noise = Fit(FeatureKind.Value, distance, encoded: false);

        Assert.True(encoded.Score > 0.95, $"R² {encoded.Score}");
        Assert.True(noise.Score < 0.15, $"noise R² {noise.Score}");
        Assert.Equal(0, noise.Chance);
    }

    [Fact]
    public void A_yes_no_feature_has_a_unit_direction_along_its_encoding()
    {
        Func<int, double> nearer = level => level % 2;
        var fit = Fit(FeatureKind.Binary, nearer, encoded: true);

        Assert.True(fit.Score > 0.97, $"accuracy {fit.Score}");
        Assert.NotNull(fit.Direction);
        Assert.Equal(1, Math.Sqrt(fit.Direction!.Sum(v => (double)v * v)), 4);
    }

    [Fact]
    public void Held_out_levels_are_seeded_and_never_all_or_none()
    {
        var levels = Enumerable.Range(0, 20).SelectMany(l => new[] { l, l }).ToList();

        var first = ProbeMeasurement.HeldOutLevels(levels, seed: 3);
        var again = ProbeMeasurement.HeldOutLevels(levels, seed: 3);
        var other = ProbeMeasurement.HeldOutLevels(levels, seed: 4);

        Assert.Equal(6, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Single(ProbeMeasurement.HeldOutLevels([5, 6], seed: 1));
    }
}
