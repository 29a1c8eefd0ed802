using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Metrics;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Randomness;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Probes;

/// <summary>One probe's data: activation rows (projected when the layer is wide), the feature's value and the level of each.</summary>
public sealed record ProbeRows(List<float[]> Rows, List<double> Targets, List<int> Levels);

/// <summary>What a recording pass gives: each probe's rows, and each layer's projection (null: read as it is).</summary>
public sealed record Recording(Dictionary<string, ProbeRows> Probes, Dictionary<int, LayerProjection?> Projections);

/// <summary>
/// Plays the policy on a seed's evaluation levels (episode e on level e, as <see cref="EpisodeRunner"/> does) and
/// records, at every step, the probed layers' activations beside each probe's feature in the state the policy saw.
/// At most about <see cref="MaxRows"/> steps are kept (each with the same seeded probability), so long evaluations
/// stay affordable. Layers wider than <see cref="LayerProjection.Width"/> are read through their fixed random
/// projection.
/// </summary>
public static class ActivationRecorder
{
    public const int MaxRows = 4000;

    private const ulong KeepSalt = 0x7072_6F62_655F_6B70UL; // "probe_kp"

    public static Recording Record(EvaluationSetup setup, IInspectablePolicy policy, IReadOnlyList<ProbeModel> probes, int seed, CancellationToken cancellationToken)
    {
        var episodes = setup.Episodes;
        var slots = Math.Clamp(EpisodeRunner.DefaultBatchSize, 1, episodes);
        var environment = GridVectorEnvironment.ForLevels(setup.Environment, setup.BaseObjective, slots, setup.Levels, setup.Layout);
        var layers = probes.Select(p => p.Layer).Distinct().Order().ToList();
        var features = probes.Select(Feature).ToList();
        var rows = probes.ToDictionary(p => p.Name, _ => new ProbeRows([], [], []));
        var projections = new Dictionary<int, LayerProjection?>();
        var keep = Math.Min(1.0, MaxRows / ((double)episodes * setup.Environment.Horizon));
        var random = DeterministicRandom.For(seed, 0, KeepSalt);
        var actions = new int[slots];
        var rewards = new float[slots];
        var dones = new bool[slots];
        var truncated = new bool[slots];
        var states = new ProbeState?[slots];
        var serials = new long[slots];
        var completed = 0;
        while (completed < episodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < slots; i++)
            {
                serials[i] = environment.Serial(i);
                states[i] = serials[i] < episodes && random.NextDouble() < keep
                    ? new ProbeState(setup.Environment, environment.LevelOf(i), environment.AgentCell(i), environment.AliveItems(i), environment.Neighbours)
                    : null;
            }
            var read = policy.ActAndRead(environment, actions, layers);
            for (var l = 0; l < layers.Count; l++)
            {
                if (!projections.ContainsKey(layers[l]))
                {
                    projections[layers[l]] = LayerProjection.For(read[l].Length / slots, seed, layers[l]);
                }
            }
            for (var i = 0; i < slots; i++)
            {
                if (states[i] is not { } state)
                {
                    continue;
                }
                for (var p = 0; p < probes.Count; p++)
                {
                    if (features[p].Value(state, probes[p].Objectives) is not { } value)
                    {
                        continue;
                    }
                    var activations = read[layers.IndexOf(probes[p].Layer)];
                    var width = activations.Length / slots;
                    var row = activations.AsSpan(i * width, width);
                    var probeRows = rows[probes[p].Name];
                    probeRows.Rows.Add(projections[probes[p].Layer] is { } projection ? projection.Project(row) : row.ToArray());
                    probeRows.Targets.Add(value);
                    probeRows.Levels.Add(setup.LevelSet.LevelIds[(int)serials[i]]);
                }
            }
            environment.Step(actions, rewards, dones, truncated);
            for (var i = 0; i < slots; i++)
            {
                if (dones[i] && serials[i] < episodes)
                {
                    completed++;
                }
            }
        }
        return new Recording(rows, projections);
    }

    /// <summary>The entry the binder paired with the feature; the built-in registry for a model built by hand.</summary>
    private static IProbeFeatureComponent Feature(ProbeModel probe) =>
        probe.Feature.Entry as IProbeFeatureComponent
        ?? ExperimentsComponents.Builtin.Entry<IProbeFeatureComponent>(ComponentKind.ProbeFeature, probe.Feature.Name)
        ?? throw new InvalidOperationException($"no implementation of the probe feature '{probe.Feature.Name}'");
}
