using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary><c>patrol(route: [...])</c>: the route in the environment (order, cycle, detours, skipped waypoints) and in the planner (its memory in the state).</summary>
public sealed class PatrolTests
{
    private const int Up = 0, Down = 2;

    public static ComponentModel Route(int every, params (int X, int Y)[] waypoints) =>
        new("patrol", new Dictionary<string, Value>
        {
            ["route"] = new(waypoints.Select(w => new Value(new GridCell(w.X, w.Y))).ToArray()),
            ["every"] = new((long)every),
        }) { Descriptor = BuiltinComponents.Patrol };

    private static ItemModel Guard(ItemBehaviour behaviour, int every, params (int X, int Y)[] waypoints) =>
        Worlds.Item("guard", new AnywhereRegion(), behaviour: behaviour) with { Movement = Route(every, waypoints) };

    private static readonly ObjectiveModel Nothing = Worlds.Objective("Nothing", [new RewardTerm(-0.01, EventKind.EachStep, null)]);

    /// <summary>The guard's cell after each of <paramref name="steps"/> steps in which the agent bumps into the top edge.</summary>
    private static List<int> Walk(EnvironmentModel world, int steps, List<int>? memory = null)
    {
        var environment = GridVectorEnvironment.ForLevels(world, Nothing, 1, [new LevelGenerator(world).Generate(0, 0, 0)]);
        var cells = new List<int>();
        Span<float> rewards = stackalloc float[1];
        Span<bool> dones = stackalloc bool[1], truncated = stackalloc bool[1];
        for (var t = 0; t < steps; t++)
        {
            environment.Step([Up], rewards, dones, truncated);
            cells.Add(environment.EntityCells(0)[0]);
            memory?.Add(environment.EntityMemory(0)[0]);
        }
        return cells;
    }

    [Fact]
    public void A_patrol_goes_round_its_route_in_order_along_shortest_paths_around_the_walls()
    {
        // 5 x 3, a wall in column 2 of the top two rows: from (0,0) to (4,0) is 8 steps by the bottom row, back to (0,1) 7, on to (4,0) 7.
        var world = Worlds.FromAscii("Ring", 50, ["G.#..", "..#..", "....@"], Guard(ItemBehaviour.Static, 1, (4, 0), (0, 1)));
        var memory = new List<int>();
        var cells = Walk(world, 24, memory);
        var walls = new[] { 2, 7 };
        var previous = 0;
        foreach (var cell in cells)
        {
            Assert.DoesNotContain(cell, walls);
            Assert.Equal(1, Math.Abs(cell % 5 - previous % 5) + Math.Abs(cell / 5 - previous / 5)); // one step every step until the last
            previous = cell;
        }
        Assert.Equal(4, cells[7]);   // (4,0) after 8 steps
        Assert.Equal(5, cells[14]);  // (0,1) after 7 more
        Assert.Equal(4, cells[21]);  // (4,0) again: the route is a cycle
        Assert.Equal([0, 1, 0], new[] { memory[6], memory[7], memory[14] }); // the next waypoint becomes current on arrival
        Assert.Equal(1, cells[0]);   // ties go up, right, down, left: right first, then down the left of the wall
    }

    [Fact]
    public void A_waypoint_it_cannot_reach_is_skipped_and_with_none_to_reach_it_stays()
    {
        // (4,0) is walled in: the guard goes between (2,0) and (0,0).
        var skipping = Worlds.FromAscii("Pocket", 50, ["G..#.", "..@##"], Guard(ItemBehaviour.Static, 1, (4, 0), (2, 0), (0, 0)));
        Assert.Equal([1, 2, 1, 0, 1, 2, 1, 0], Walk(skipping, 8));
        var stuck = Worlds.FromAscii("Stuck", 50, ["G..#.", "..@##"], Guard(ItemBehaviour.Static, 1, (4, 0), (0, 0)));
        Assert.Equal([0, 0, 0, 0], Walk(stuck, 4));
    }

    [Fact]
    public void A_slower_patrol_waits_first()
    {
        var world = Worlds.FromAscii("Slow", 50, ["G..", "..@"], Guard(ItemBehaviour.Static, 2, (2, 0), (0, 0)));
        Assert.Equal([0, 1, 1, 2, 2, 1, 1, 0], Walk(world, 8));
    }

    /// <summary>
    /// The agent must cross a corridor a hazard patrols end to end: straight down it walks into the guard, so it waits
    /// for the guard to pass. The guard is at the crossing heading right at one time and heading left at another, states
    /// that differ only in its memory.
    /// </summary>
    private static EnvironmentModel Crossing(int horizon) =>
        Worlds.FromAscii("Crossing", horizon, ["##@##", "#G...", "##.##", "##A##"], Worlds.Item("apple", new AnywhereRegion()),
            Guard(ItemBehaviour.Hazard, 1, (4, 1), (1, 1)));

    private static readonly ObjectiveModel Apple = Worlds.Objective("Apple", [new RewardTerm(1, EventKind.Collects, new KindTarget("apple"))],
        new EndCondition(EventKind.Collects, new KindTarget("apple")));

    [Theory]
    [InlineData(8, 0.9)]
    [InlineData(9, 1.0)]
    public void The_planner_times_the_crossing_as_a_brute_force_search_does(int horizon, double discount)
    {
        var world = Crossing(horizon);
        var generator = new LevelGenerator(world);
        var level = generator.Generate(0, 0, 0);
        var planner = new EnvironmentPlanner(world, generator.Items, discount: discount);
        var optimal = planner.OptimalReturn(level, Apple, Apple);
        Assert.Equal(BruteForce(level, planner, Apple, horizon, discount), optimal, 12);
        Assert.Equal(Math.Pow(discount, 4), optimal, 12); // wait two steps, then three steps down
        var plan = planner.Solve(level, Apple, Apple);
        Assert.True(plan.StateCount <= PlannerStateEstimate.UpperBound(level, horizon, Apple, [Apple]));
    }

    /// <summary>
    /// Random 4 x 3 levels, a wall in about one cell of six: two apples, and a monster (it hurts on contact, and the episode
    /// goes on) patrolling two or three random cells; the planner's optimal return equals the best over every action sequence.
    /// </summary>
    [Fact]
    public void On_random_patrol_levels_the_planner_equals_a_brute_force_search()
    {
        var apples = Worlds.Objective("Apples", [new RewardTerm(1, EventKind.Collects, new KindTarget("apple")),
            new RewardTerm(-1, EventKind.Touches, new KindTarget("guard"))]);
        for (var seed = 0; seed < 24; seed++)
        {
            var random = new Random(seed);
            var rows = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 4).Select(_ => random.Next(6) == 0 ? '#' : '.').ToArray()).ToArray();
            var free = Enumerable.Range(0, 12).OrderBy(_ => random.Next()).ToList();
            foreach (var (cell, letter) in free.Take(4).Zip("@AAG"))
            {
                rows[cell / 4][cell % 4] = letter;
            }
            var route = Enumerable.Range(0, random.Next(2, 4)).Select(_ => (random.Next(4), random.Next(3))).ToArray();
            var world = Worlds.FromAscii($"Random{seed}", 7, [.. rows.Select(r => new string(r))], Worlds.Item("apple", new AnywhereRegion()),
                Guard(ItemBehaviour.Monster, random.Next(1, 3), route));
            var generator = new LevelGenerator(world);
            var level = generator.Generate(0, 0, 0);
            var planner = new EnvironmentPlanner(world, generator.Items, discount: 0.9);
            Assert.Equal(BruteForce(level, planner, apples, 7, 0.9), planner.OptimalReturn(level, apples, apples), 12);
        }
    }

    [Fact]
    public void Following_the_plan_with_the_patrols_memory_achieves_its_optimal_return()
    {
        var world = Crossing(12);
        var generator = new LevelGenerator(world);
        var level = generator.Generate(0, 0, 0);
        var plan = new EnvironmentPlanner(world, generator.Items).Solve(level, Apple, Apple);
        var environment = GridVectorEnvironment.ForLevels(world, Apple, 1, [level]);
        Span<float> rewards = stackalloc float[1];
        Span<bool> dones = stackalloc bool[1], truncated = stackalloc bool[1];
        var total = 0.0;
        for (var t = 0; t < world.Horizon && !dones[0]; t++)
        {
            var action = plan.ChooseAction(environment.AgentCell(0), environment.AliveItems(0), environment.HeldKeys(0), 0, t,
                environment.PackedEntities(0), environment.Counters(0), environment.PackedMemory(0));
            environment.Step([action], rewards, dones, truncated);
            total += rewards[0];
        }
        Assert.Equal(1, plan.OptimalReturn(), 12);
        Assert.Equal(1, total, 5);
        Assert.False(environment.LastOutcome(0).EndsEpisode); // ended by the apple, not by the guard
    }

    [Fact]
    public void A_gone_entity_s_memory_packs_as_nothing_so_states_that_differ_only_in_it_are_one()
    {
        var world = Worlds.FromAscii("Two", 9, ["@S.", "GH."], Worlds.Item("shield", new AnywhereRegion(), behaviour: ItemBehaviour.Shield),
            Guard(ItemBehaviour.Monster, 1, (2, 0), (0, 1)), Worlds.Item("hunter", new AnywhereRegion(), behaviour: ItemBehaviour.Monster) with { Movement = Route(1, (2, 1), (1, 1), (0, 0)) });
        var items = new LevelGenerator(world).Generate(0, 0, 0).Items;
        Assert.Equal([2, 3], items.EntityMemoryStates);
        var all = items.EntityMask | items.ShieldMask;
        Assert.Equal(1 + 2 * 2, EntityPacking.PackMemory([1, 2], all, items));
        Assert.Equal(2 * 2, EntityPacking.PackMemory([1, 2], all & ~(1UL << items.EntityItems[0]), items));
        var memory = new int[2];
        EntityPacking.UnpackMemory(1 + 2 * 2, memory, 0, items);
        Assert.Equal([1, 2], memory);
    }

    [Fact]
    public void The_memory_sits_in_the_padding_beside_the_phase_so_a_state_is_no_larger() =>
        Assert.Equal(56, System.Runtime.CompilerServices.Unsafe.SizeOf<PlannerState>());

    [Fact]
    public void Walking_straight_down_meets_the_guard()
    {
        var world = Crossing(8);
        var environment = GridVectorEnvironment.ForLevels(world, Apple, 1, [new LevelGenerator(world).Generate(0, 0, 0)]);
        Span<float> rewards = stackalloc float[1];
        Span<bool> dones = stackalloc bool[1], truncated = stackalloc bool[1];
        environment.Step([Down], rewards, dones, truncated);
        Assert.True(dones[0] && environment.LastOutcome(0).HazardContact);
    }

    /// <summary>The best discounted return over every action sequence, stepping the rules with the patrol's memory.</summary>
    private static double BruteForce(Level level, EnvironmentPlanner planner, ObjectiveModel scored, int horizon, double discount)
    {
        var objective = planner.Compile(scored);
        var grid = new Movements.MovementGrid(level.Width, level.Height, planner.Neighbours);
        var count = level.Items.EntityCount;
        var best = double.NegativeInfinity;
        for (var sequence = 0L; sequence < 1L << (2 * horizon); sequence++)
        {
            int cell = level.AgentCell;
            ulong alive = level.AllItems, held = 0, counters = 0;
            var entities = level.Items.EntityItems.Select(i => level.ItemCells[i]).ToArray();
            var memory = new int[count];
            double total = 0, weight = 1;
            for (var t = 0; t < horizon; t++)
            {
                var outcome = GridRules.Apply(level, planner.Neighbours, (int)(sequence >> (2 * t)) & 3, ref cell, ref alive, ref held, entities, memory, 0, grid, null, t);
                total += weight * objective.Score(outcome, ref counters, out var ends);
                weight *= discount;
                if (ends || outcome.EndsEpisode)
                {
                    break;
                }
            }
            best = Math.Max(best, total);
        }
        return best;
    }
}
