using System.Runtime.CompilerServices;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Dynamics;

/// <summary>
/// An objective turned into lookup tables for one environment: reward and end flags per item kind and
/// event, and per cell for region targets, so scoring a step is a few array reads.
/// Several reward terms on the same event add up. A region target counts only with Reaches.
/// </summary>
public sealed class CompiledObjective
{
    private readonly double[] kindReward;   // [kind * 4 + event]
    private readonly bool[] kindEnds;       // [kind * 4 + event]
    private readonly double[] cellReward;
    private readonly bool[] cellEnds;
    private readonly ItemKinds items;

    public CompiledObjective(EnvironmentModel environment, ItemKinds items, ObjectiveModel objective)
    {
        Objective = objective;
        this.items = items;
        var kinds = environment.Items;
        var cells = environment.Width * environment.Height;
        kindReward = new double[kinds.Count * 4];
        kindEnds = new bool[kinds.Count * 4];
        cellReward = new double[cells];
        cellEnds = new bool[cells];
        foreach (var term in objective.Rewards)
        {
            if (term.Event == EventKind.EachStep)
            {
                StepReward += term.Amount;
                continue;
            }
            Apply(environment, term.Event, term.Target, index => kindReward[index] += term.Amount, cell => cellReward[cell] += term.Amount);
        }
        foreach (var end in objective.Ends)
        {
            if (end.Event == EventKind.EachStep)
            {
                EndsEachStep = true;
                continue;
            }
            Apply(environment, end.Event, end.Target, index => kindEnds[index] = true, cell => cellEnds[cell] = true);
        }
    }

    public ObjectiveModel Objective { get; }

    public string Name => Objective.Name;

    public double StepReward { get; }

    public bool EndsEachStep { get; }

    /// <summary>The reward of one step's events, and whether one of the objective's end conditions fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(in StepOutcome outcome, out bool ends)
    {
        var reward = StepReward;
        ends = EndsEachStep;
        if (outcome.Cell >= 0)
        {
            reward += cellReward[outcome.Cell];
            ends |= cellEnds[outcome.Cell];
            if (outcome.Item >= 0)
            {
                var slot = items.KindOfItem[outcome.Item] * 4;
                reward += kindReward[slot];
                ends |= kindEnds[slot];
                if (outcome.Effect != ItemEffect.None)
                {
                    var e = slot + (int)outcome.Effect; // Collected = 1, Opened = 2, Touched = 3
                    reward += kindReward[e];
                    ends |= kindEnds[e];
                }
            }
        }
        return reward;
    }

    private void Apply(EnvironmentModel environment, EventKind kind, TargetModel? target, Action<int> onKind, Action<int> onCell)
    {
        var eventIndex = kind switch
        {
            EventKind.Reaches => 0,
            EventKind.Collects => (int)ItemEffect.Collected,
            EventKind.Opens => (int)ItemEffect.Opened,
            EventKind.Touches => (int)ItemEffect.Touched,
            _ => -1,
        };
        if (target is RegionTarget region)
        {
            if (kind != EventKind.Reaches)
            {
                return;
            }
            foreach (var (x, y) in RegionMath.Cells(region.Region, environment.Width, environment.Height))
            {
                onCell(y * environment.Width + x);
            }
            return;
        }
        for (var k = 0; k < environment.Items.Count; k++)
        {
            if (eventIndex >= 0 && TargetMatcher.MatchesKind(target, environment.Items[k]))
            {
                onKind(k * 4 + eventIndex);
            }
        }
    }
}
