using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary><c>reward +1 when agent collects beacon after marker</c>: an order, read from which items are left.</summary>
public class OrderedRewardTests
{
    // The beacon is on the way to the marker: collecting in the walking order pays nothing for the beacon.
    private static readonly EnvironmentModel Corridor = Worlds.FromAscii("Corridor", 12, ["B@...M"],
        Worlds.Item("beacon", new AnywhereRegion()), Worlds.Item("marker", new AnywhereRegion()));

    private static readonly ObjectiveModel Ordered = Worlds.Objective("Ordered",
        [new RewardTerm(1, EventKind.Collects, new KindTarget("beacon")) { After = "marker" }],
        new EndCondition(EventKind.Collects, new KindTarget("beacon")) { After = "marker" });

    [Fact]
    public void The_term_pays_only_once_every_item_of_the_kind_is_gone()
    {
        var level = new LevelGenerator(Corridor).Generate(0, 0, 0);
        var compiled = new CompiledObjective(Corridor, level.Items, Ordered);
        var neighbours = GridRules.NeighbourTable(Corridor.Width, Corridor.Height);

        double Walk(params int[] actions)
        {
            int cell = level.AgentCell;
            ulong alive = level.AllItems, held = 0;
            double total = 0;
            foreach (var action in actions)
            {
                var outcome = GridRules.Apply(level, neighbours, action, ref cell, ref alive, ref held);
                total += compiled.Score(outcome, out var ends);
                if (ends)
                {
                    break;
                }
            }
            return total;
        }

        const int Right = 1, Left = 3;
        Assert.Equal(0, Walk(Left));                                             // the beacon first: no pay, no end
        Assert.Equal(1, Walk(Right, Right, Right, Right, Left, Left, Left, Left, Left)); // the marker, then the beacon
    }

    [Fact]
    public void The_planner_finds_the_detour_the_order_asks_for()
    {
        var level = new LevelGenerator(Corridor).Generate(0, 0, 0);
        var planner = new EnvironmentPlanner(Corridor, level.Items);
        Assert.Equal(1, planner.OptimalReturn(level, Ordered, Ordered), 9);
        var tooShort = new EnvironmentPlanner(Corridor with { Horizon = 8 }, level.Items);
        Assert.Equal(0, tooShort.OptimalReturn(level, Ordered, Ordered), 9); // 4 steps there, 5 back: 9 > 8
    }
}
