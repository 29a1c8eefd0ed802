using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Rendering;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Replays a policy on a few evaluation levels (conflict levels first: they are the interesting ones) and
/// records where it went, for the report's behaviour drawings, and the action it prefers from every free cell
/// at the start of the episode (a vector field, as procgen-tools draws them).
/// </summary>
internal static class BehaviourSampler
{
    public static IReadOnlyList<BehaviourSample> Sample(EvaluationSetup setup, IPolicy policy, int seed, int count, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, setup.Episodes)
            .OrderByDescending(e => setup.Conflicts[0][e])
            .ThenBy(e => e)
            .Take(count);
        var samples = new List<BehaviourSample>();
        foreach (var episode in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            samples.Add(Replay(setup, policy, seed, episode));
        }
        return samples;
    }

    private static BehaviourSample Replay(EvaluationSetup setup, IPolicy policy, int seed, int episode)
    {
        var level = setup.Levels[episode];
        var environment = GridVectorEnvironment.ForLevels(setup.Environment, setup.BaseObjective, 1, [level], setup.Layout);
        var visits = new int[level.Height][];
        for (var y = 0; y < level.Height; y++)
        {
            visits[y] = new int[level.Width];
        }
        var trajectory = new List<int[]>();
        var acting = EpisodeRunner.WithThinking(setup, policy);
        void Visit(int cell)
        {
            var (x, y) = (cell % level.Width, cell / level.Width);
            visits[y][x]++;
            trajectory.Add([x, y]);
        }

        Visit(environment.AgentCell(0));
        Span<int> action = stackalloc int[1];
        Span<float> reward = stackalloc float[1];
        Span<bool> done = stackalloc bool[1];
        Span<bool> truncated = stackalloc bool[1];
        for (var step = 0; step < setup.Environment.Horizon; step++)
        {
            acting.Act(environment, action);
            environment.Step(action, reward, done, truncated);
            if (done[0])
            {
                // The slot has already reset to the next episode; the last move's cell is the outcome's, and a
                // blocked last move leaves the agent where it was: one entry per step either way, so a sample
                // that ran out the horizon shows as many steps as the horizon.
                var outcome = environment.LastOutcome(0);
                var last = trajectory[^1];
                Visit(outcome.Moved ? outcome.Cell : last[1] * level.Width + last[0]);
                break;
            }
            Visit(environment.AgentCell(0));
        }
        // The level's rows, then its legend line.
        var grid = LevelRenderer.Render(level).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var preferences = Preferences(setup, policy, level);
        return new BehaviourSample(seed, episode, grid, trajectory, visits, preferences?.Preferred, setup.Conflicts[0][episode])
        {
            ActionProbabilities = preferences?.Probabilities,
            Values = preferences?.Values,
            Targets = Targets(setup, level),
        };
    }

    /// <summary>Each candidate's target cells on the level as it starts, for the picture's outlines.</summary>
    private static IReadOnlyList<SampleTarget> Targets(EvaluationSetup setup, Level level) =>
        [.. setup.Candidates
            .Select(c => new SampleTarget(c.Name, [.. ObjectiveTargets.Cells(c.GoalTarget, level, level.AllItems).Distinct().Order()
                .Select(cell => new[] { cell % level.Width, cell / level.Width })]))
            .Where(t => t.Cells.Count > 0)];

    /// <summary>What a policy would do from every free cell: its most probable action, its action distribution, its value.</summary>
    private sealed record CellPreferences(int[][] Preferred, double[]?[][] Probabilities, double?[][] Values);

    /// <summary>
    /// The policy's action distribution and value with the agent placed on each free cell (no item, no wall) of the
    /// level, every item in place, and its most probable action there (first on ties); -1 and null elsewhere. One
    /// batched call (one episode per cell) to policies that can say how they would act without acting
    /// (<see cref="IPreferringPolicy"/>: trained models; no randomness consumed, so the evaluation's numbers do not
    /// depend on the drawing). Null for the others: the oracle would re-plan for every start cell (minutes on
    /// keys-and-chests), the random policy prefers nothing.
    /// </summary>
    private static CellPreferences? Preferences(EvaluationSetup setup, IPolicy policy, Level level)
    {
        if (policy is not IPreferringPolicy preferring)
        {
            return null;
        }
        var preferred = new int[level.Height][];
        var probabilities = new double[]?[level.Height][];
        var values = new double?[level.Height][];
        for (var y = 0; y < level.Height; y++)
        {
            preferred[y] = Enumerable.Repeat(-1, level.Width).ToArray();
            probabilities[y] = new double[]?[level.Width];
            values[y] = new double?[level.Width];
        }
        var starts = Enumerable.Range(0, level.CellCount).Where(c => !level.Walls[c] && level.ItemsAt[c] == 0).Select(level.WithAgentAt).ToList();
        if (starts.Count == 0)
        {
            return new CellPreferences(preferred, probabilities, values);
        }
        var environment = GridVectorEnvironment.ForLevels(setup.Environment, setup.BaseObjective, starts.Count, starts, setup.Layout);
        var actionCount = environment.ActionCount;
        var distribution = new float[starts.Count * actionCount];
        var value = new float[starts.Count];
        preferring.Preferences(environment, distribution, value);
        for (var slot = 0; slot < starts.Count; slot++)
        {
            var cell = environment.AgentCell(slot);
            var (x, y) = (cell % level.Width, cell / level.Width);
            var row = distribution.AsSpan(slot * actionCount, actionCount);
            var best = 0;
            for (var a = 1; a < actionCount; a++)
            {
                best = row[a] > row[best] ? a : best;
            }
            preferred[y][x] = best;
            probabilities[y][x] = [.. row.ToArray().Select(p => Math.Round(p, BehaviourSample.Precision))];
            values[y][x] = Math.Round(value[slot], BehaviourSample.Precision);
        }
        return new CellPreferences(preferred, probabilities, values);
    }
}
