using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>Entities (chase, flee, lead, wander), monsters and shields, and rewards with state, in the dynamics and the planner.</summary>
public sealed class MovingItemTests
{
    private const int Up = 0, Right = 1, Down = 2, Left = 3;

    private static ComponentModel Movement(ComponentDescriptor descriptor, string? target = null, double? p = null, int? every = null)
    {
        var arguments = new Dictionary<string, Value>();
        if (every is not null) arguments["every"] = new Value((long)every.Value);
        if (target is not null) arguments["target"] = new Value(target);
        if (p is not null) arguments["p"] = new Value(p.Value);
        return new ComponentModel(descriptor.Name, arguments) { Descriptor = descriptor };
    }

    private static ItemModel Monster(ComponentDescriptor? movement = null, string target = "agent", int? every = null) =>
        Worlds.Item("monster", new AnywhereRegion(), behaviour: ItemBehaviour.Monster) with
        {
            Movement = Movement(movement ?? BuiltinComponents.Chase, target, every: every),
        };

    private static readonly ItemModel Shield = Worlds.Item("shield", new AnywhereRegion(), behaviour: ItemBehaviour.Shield);

    private static readonly ItemModel Apple = Worlds.Item("apple", new AnywhereRegion());

    /// <summary>Shah et al.'s base objective: apples pay (at most 3), a monster hurts unless a shield is held.</summary>
    private static readonly ObjectiveModel Apples = Worlds.Objective("Apples",
        [new RewardTerm(1, EventKind.Collects, new KindTarget("apple")) { AtMost = 3 },
         new RewardTerm(-1, EventKind.Touches, new KindTarget("monster")) { Condition = new HoldCondition(false, "shield") }]);

    private static readonly ObjectiveModel Shields = Worlds.Objective("Shields", [new RewardTerm(1, EventKind.Collects, new KindTarget("shield"))]);

    private static GridVectorEnvironment Single(EnvironmentModel environment, ObjectiveModel objective) =>
        GridVectorEnvironment.ForLevels(environment, objective, 1, [new LevelGenerator(environment).Generate(0, 0, 0)]);

    private static float Step(GridVectorEnvironment environment, int action)
    {
        Span<float> rewards = stackalloc float[1];
        Span<bool> dones = stackalloc bool[1];
        Span<bool> truncated = stackalloc bool[1];
        environment.Step([action], rewards, dones, truncated);
        return rewards[0];
    }

    [Fact]
    public void A_chasing_monster_closes_the_distance_every_step_and_hurts_on_contact_and_every_step_it_stays()
    {
        var environment = Single(Worlds.FromAscii("Corridor", 50, ["@.....M"], Monster()), Apples);
        var rewards = new List<float>();
        for (var t = 1; t <= 8; t++)
        {
            rewards.Add(Step(environment, Up)); // blocked by the edge: the agent stays at cell 0
            Assert.Equal(Math.Max(0, 6 - t), environment.EntityCells(0)[0]);
        }
        Assert.Equal([0f, 0f, 0f, 0f, 0f, -1f, -1f, -1f], rewards);
        Assert.Equal(environment.Items.EntityMask, environment.LastOutcome(0).Contacts);
    }

    [Fact]
    public void A_leader_heads_for_the_first_kind_of_its_route_still_present_and_turns_when_it_is_collected()
    {
        // "F@.L..S": the leader (static, so it never ends or pays) heads right for S; once the agent has collected S it turns for F.
        var leader = Worlds.Item("leader", new AnywhereRegion(), behaviour: ItemBehaviour.Static) with
        {
            Movement = new ComponentModel("lead", new Dictionary<string, Value>
            {
                ["route"] = new Value(new List<Value> { new("second"), new("first") }),
                ["every"] = new Value(1L),
            }) { Descriptor = BuiltinComponents.Lead },
        };
        var world = Worlds.FromAscii("Beacons", 50, ["F@.L..S"], Worlds.Item("first", new AnywhereRegion()), Worlds.Item("second", new AnywhereRegion()), leader);
        var collect = Worlds.Objective("Second", [new RewardTerm(1, EventKind.Collects, new KindTarget("second"))]);
        var environment = Single(world, collect);
        var cells = new List<int>();
        foreach (var action in new[] { Up, Up, Up, Right, Right, Right, Right, Right, Up, Up })
        {
            Step(environment, action);
            cells.Add(environment.EntityCells(0)[0]);
        }
        // Right to S (cell 6) and stays there; the agent reaches S on its fifth move right, then the leader goes back for F.
        Assert.Equal([4, 5, 6, 6, 6, 6, 6, 5, 4, 3], cells);
        var planner = new EnvironmentPlanner(world, environment.Items);
        Assert.Equal(1, planner.OptimalReturn(new LevelGenerator(world).Generate(0, 0, 0), collect, collect), 9);
    }

    [Fact]
    public void A_monster_that_moves_every_second_step_waits_first_and_takes_twice_as_long()
    {
        var environment = Single(Worlds.FromAscii("Corridor", 50, ["@.....M"], Monster(every: 2)), Apples);
        var cells = new List<int>();
        for (var t = 1; t <= 8; t++)
        {
            Step(environment, Up);
            cells.Add(environment.EntityCells(0)[0]);
        }
        Assert.Equal([6, 5, 5, 4, 4, 3, 3, 2], cells);
    }

    [Fact]
    public void A_chasing_monster_follows_a_shortest_path_around_walls()
    {
        var environment = Single(Worlds.FromAscii("Bend", 50, ["@..", "##.", "M.."], Monster()), Apples);
        var path = new List<int>();
        for (var t = 0; t < 4; t++)
        {
            Step(environment, Up);
            path.Add(environment.EntityCells(0)[0]);
        }
        Assert.Equal([7, 8, 5, 2], path); // (1,2) (2,2) (2,1) (2,0): one step nearer the agent each step
    }

    [Fact]
    public void A_fleeing_item_keeps_away()
    {
        var bat = Worlds.Item("bat", new AnywhereRegion(), behaviour: ItemBehaviour.Static) with { Movement = Movement(BuiltinComponents.Flee, "agent") };
        var environment = Single(Worlds.FromAscii("Corridor", 50, ["@.B...."], bat), Shields);
        Step(environment, Right);
        Assert.Equal(3, environment.EntityCells(0)[0]);
        Step(environment, Right);
        Assert.Equal(4, environment.EntityCells(0)[0]);
    }

    [Fact]
    public void A_held_shield_absorbs_one_contact_destroying_the_monster_and_the_next_monster_hurts()
    {
        var environment = Single(Worlds.FromAscii("Corridor", 50, ["@S.M.M"], Shield, Monster()), Apples);
        Assert.Equal(0f, Step(environment, Right)); // collects the shield; the first monster steps next to the agent
        Assert.NotEqual(0UL, environment.HeldKeys(0));
        var contact = Step(environment, Right);      // walks into the first monster: the shield is used up, no penalty
        Assert.Equal(0f, contact);
        var outcome = environment.LastOutcome(0);
        Assert.NotEqual(0UL, outcome.Absorbed);
        Assert.Equal(0UL, environment.HeldKeys(0));
        Assert.Equal(0UL, environment.AliveItems(0) & outcome.Absorbed);
        var later = Enumerable.Range(0, 3).Select(_ => Step(environment, Up)).ToList();
        Assert.Contains(-1f, later);                 // the second monster arrives and hurts: no shield left
    }

    [Fact]
    public void At_most_three_pays_three_times_per_episode()
    {
        var environment = Single(Worlds.FromAscii("Orchard", 50, ["@AAAAA"], Apple), Apples);
        var rewards = Enumerable.Range(0, 5).Select(_ => Step(environment, Right)).ToList();
        Assert.Equal([1f, 1f, 1f, 0f, 0f], rewards);
        Assert.Equal(3UL, environment.Counters(0));
    }

    [Fact]
    public void An_entity_is_observed_at_its_own_cell()
    {
        var environment = Single(Worlds.FromAscii("Corridor", 50, ["@....M"], Monster()), Apples);
        Step(environment, Up);
        var observation = new float[environment.ObservationShape.Size];
        environment.Observe(0, observation);
        var plane = 6;
        var channel = ObservationLayout.FirstItemChannel;
        Assert.Equal(1f, observation[channel * plane + 4]);
        Assert.Equal(0f, observation[channel * plane + 5]);
    }

    [Fact]
    public void Random_moves_replay_the_same_way_on_the_same_level_and_the_planner_refuses_them()
    {
        var bat = Worlds.Item("bat", new AnywhereRegion(), behaviour: ItemBehaviour.Hazard) with { Movement = Movement(BuiltinComponents.Wander, p: 0.7) };
        var world = Worlds.FromAscii("Cave", 50, ["@....", ".....", "..B..", ".....", "....."], bat);
        int[] Trajectory()
        {
            var environment = Single(world, Shields);
            return [.. Enumerable.Range(0, 10).Select(_ => { Step(environment, Up); return environment.EntityCells(0)[0]; })];
        }
        var first = Trajectory();
        Assert.Equal(first, Trajectory());
        Assert.True(first.Distinct().Count() > 1);
        var generator = new LevelGenerator(world);
        var planner = new EnvironmentPlanner(world, generator.Items);
        var refusal = Assert.Throws<PlannerLimitExceededException>(() => planner.Solve(generator.Generate(0, 0, 0), Shields, Shields));
        Assert.Contains("at random", refusal.Message, StringComparison.Ordinal);
    }

    private static EnvironmentModel ArenaWhereTheMonsterMovesEvery(int every) =>
        Worlds.FromAscii("Arena", 9, ["@.A.", ".S#.", "A..M"], Apple, Shield, Monster(every: every));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_planner_is_exact_with_entities_conditions_and_counters(int every)
    {
        var arena = ArenaWhereTheMonsterMovesEvery(every);
        var generator = new LevelGenerator(arena);
        var level = generator.Generate(0, 0, 0);
        var planner = new EnvironmentPlanner(arena, generator.Items);
        var terminating = planner.Compile(Apples);
        var scored = planner.Compile(Apples);
        var best = double.NegativeInfinity;
        var horizon = 6;
        var shortPlanner = new EnvironmentPlanner(arena with { Horizon = horizon }, generator.Items);
        var entities = new int[generator.Items.EntityCount];
        var grid = new Movements.MovementGrid(level.Width, level.Height, planner.Neighbours);
        for (var sequence = 0; sequence < 1 << (2 * horizon); sequence++)
        {
            int cell = level.AgentCell;
            ulong alive = level.AllItems, held = 0, counters = 0;
            for (var e = 0; e < entities.Length; e++) entities[e] = level.ItemCells[generator.Items.EntityItems[e]];
            var total = 0.0;
            for (var t = 0; t < horizon; t++)
            {
                var outcome = GridRules.Apply(level, planner.Neighbours, (sequence >> (2 * t)) & 3, ref cell, ref alive, ref held, entities, new int[entities.Length], 0, grid, null, t);
                total += scored.Score(outcome, ref counters, out _);
            }
            best = Math.Max(best, total);
        }
        Assert.Equal(best, shortPlanner.OptimalReturn(level, Apples, Apples), 9);
        Assert.Equal(0, terminating.CounterWordBits % CompiledObjective.CounterBits);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Following_the_plan_with_entities_and_counters_achieves_its_optimal_return(int every)
    {
        var arena = ArenaWhereTheMonsterMovesEvery(every);
        var generator = new LevelGenerator(arena);
        var level = generator.Generate(0, 0, 0);
        var planner = new EnvironmentPlanner(arena, generator.Items);
        var plan = planner.Solve(level, Apples, Apples);
        var environment = GridVectorEnvironment.ForLevels(arena, Apples, 1, [level]);
        var total = 0.0;
        for (var t = 0; t < arena.Horizon; t++)
        {
            var action = plan.ChooseAction(environment.AgentCell(0), environment.AliveItems(0), environment.HeldKeys(0), 0, t,
                environment.PackedEntities(0), environment.Counters(0));
            total += Step(environment, action);
        }
        Assert.Equal(plan.OptimalReturn(), total, 5);
        Assert.True(plan.OptimalReturn() > 0);
    }
}
