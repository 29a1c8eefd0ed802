using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

public class DynamicsTests
{
    private const int Up = 0, Right = 1, Down = 2, Left = 3;

    private static readonly ObjectiveModel Treasure = Worlds.Objective("Treasure",
        [new RewardTerm(1, EventKind.Collects, new KindTarget("key")), new RewardTerm(5, EventKind.Opens, new KindTarget("chest")),
         new RewardTerm(2, EventKind.Reaches, new KindTarget("statue")), new RewardTerm(-0.5, EventKind.Touches, new KindTarget("lava"))],
        new EndCondition(EventKind.Opens, new KindTarget("chest")));

    private static GridVectorEnvironment Single(EnvironmentModel environment, ObjectiveModel objective)
    {
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        return GridVectorEnvironment.ForLevels(environment, objective, 1, [level]);
    }

    private static (float Reward, bool Done, bool Truncated) Step(GridVectorEnvironment environment, int action)
    {
        Span<float> rewards = stackalloc float[1];
        Span<bool> dones = stackalloc bool[1];
        Span<bool> truncated = stackalloc bool[1];
        environment.Step([action], rewards, dones, truncated);
        return (rewards[0], dones[0], truncated[0]);
    }

    [Fact]
    public void Reaching_the_cheese_rewards_ends_the_episode_and_resets_it()
    {
        var environment = Single(Worlds.FromAscii("Corridor", 20, ["@..C"], Worlds.Item("cheese", new AnywhereRegion())), Worlds.EatCheese);
        var first = Step(environment, Right);
        Assert.Equal(-0.01f, first.Reward);
        Assert.False(first.Done);
        Step(environment, Right);
        var last = Step(environment, Right);
        Assert.Equal(9.99f, last.Reward);
        Assert.True(last.Done);
        Assert.False(last.Truncated);
        Assert.Equal(new StepOutcome(3, 1) { Collected = 1, AliveBefore = 1 }, environment.LastOutcome(0)); // the cheese was there before the step
        Assert.Equal(0, environment.AgentCell(0));
        Assert.Equal(0, environment.StepIndex(0));
        Assert.Equal(1, environment.Serial(0));
        Assert.Equal(1UL, environment.AliveItems(0));
    }

    [Fact]
    public void Walls_and_edges_block_without_events()
    {
        var environment = Single(Worlds.FromAscii("Box", 20, ["@#", ".C"], Worlds.Item("cheese", new AnywhereRegion())), Worlds.EatCheese);
        foreach (var action in new[] { Up, Left, Right })
        {
            var (reward, done, _) = Step(environment, action);
            Assert.Equal(-0.01f, reward);
            Assert.False(done);
            Assert.Equal(0, environment.AgentCell(0));
            Assert.False(environment.LastOutcome(0).Moved);
        }
        Step(environment, Down);
        Assert.Equal(2, environment.AgentCell(0));
    }

    [Fact]
    public void The_horizon_truncates_and_resets()
    {
        var environment = Single(Worlds.FromAscii("Corridor", 3, ["@..C"], Worlds.Item("cheese", new AnywhereRegion())), Worlds.EatCheese);
        Assert.False(Step(environment, Left).Done);
        Assert.False(Step(environment, Left).Done);
        var last = Step(environment, Left);
        Assert.True(last.Done);
        Assert.True(last.Truncated);
        Assert.Equal(1, environment.Serial(0));
    }

    [Fact]
    public void Touching_a_hazard_always_ends_the_episode()
    {
        var environment = Single(Worlds.FromAscii("Lava", 20, ["@L.C"],
            Worlds.Item("lava", new AnywhereRegion(), behaviour: ItemBehaviour.Hazard), Worlds.Item("cheese", new AnywhereRegion())), Worlds.EatCheese);
        var step = Step(environment, Right);
        Assert.True(step.Done);
        Assert.False(step.Truncated);
        Assert.Equal(-0.01f, step.Reward);
        Assert.Equal(ItemEffect.Touched, environment.LastOutcome(0).Effect);
    }

    [Fact]
    public void A_key_opens_a_matching_chest_and_is_used_up()
    {
        var environment = Single(Worlds.FromAscii("Vault", 20, ["C@KS", "..L."],
            Worlds.Item("key", new AnywhereRegion(), behaviour: ItemBehaviour.Key, opens: "chest"),
            Worlds.Item("chest", new AnywhereRegion(), behaviour: ItemBehaviour.Chest),
            Worlds.Item("statue", new AnywhereRegion(), behaviour: ItemBehaviour.Static),
            Worlds.Item("lava", new AnywhereRegion(), behaviour: ItemBehaviour.Hazard)), Treasure);
        // The chest stays closed without a key, and can be stood on.
        var closed = Step(environment, Left);
        Assert.Equal(0f, closed.Reward);
        Assert.Equal(ItemEffect.None, environment.LastOutcome(0).Effect);
        Assert.Equal(0, environment.AgentCell(0));
        Step(environment, Right);
        // Collect the key: it leaves the grid for the inventory.
        Assert.Equal(1f, Step(environment, Right).Reward);
        Assert.Equal(ItemEffect.Collected, environment.LastOutcome(0).Effect);
        Assert.Equal(1UL, environment.HeldKeys(0));
        // A static item rewards every time it is entered.
        Assert.Equal(2f, Step(environment, Right).Reward);
        Step(environment, Left);
        Assert.Equal(2f, Step(environment, Right).Reward);
        Step(environment, Left);
        Step(environment, Left);
        var opened = Step(environment, Left);
        Assert.Equal(5f, opened.Reward);
        Assert.True(opened.Done);
        Assert.Equal(ItemEffect.Opened, environment.LastOutcome(0).Effect);
    }

    [Fact]
    public void A_key_for_another_kind_does_not_open_the_chest()
    {
        var environment = Single(Worlds.FromAscii("Vault", 20, ["@KC"],
            Worlds.Item("key", new AnywhereRegion(), behaviour: ItemBehaviour.Key, opens: "door"),
            Worlds.Item("chest", new AnywhereRegion(), behaviour: ItemBehaviour.Chest)), Treasure);
        Step(environment, Right);
        var step = Step(environment, Right);
        Assert.False(step.Done);
        Assert.Equal(ItemEffect.None, environment.LastOutcome(0).Effect);
        Assert.Equal(1UL, environment.HeldKeys(0));
    }

    [Fact]
    public void Attribute_targets_match_items_by_colour_or_shape()
    {
        var environment = Worlds.FromAscii("Colours", 20, ["R@B"],
            Worlds.Item("red", new AnywhereRegion(), colour: "red", shape: "ball"),
            Worlds.Item("blue", new AnywhereRegion(), colour: "blue", shape: "ball"));
        var redThings = Worlds.Objective("Red", [new RewardTerm(1, EventKind.Collects, new AttributeTarget(null, "red", null))]);
        var balls = Worlds.Objective("Balls", [new RewardTerm(1, EventKind.Collects, new AttributeTarget(null, null, "ball"))]);
        var red = Single(environment, redThings);
        Assert.Equal(0f, Step(red, Right).Reward);
        var ball = Single(environment, balls);
        Assert.Equal(1f, Step(ball, Right).Reward);
        Assert.Equal(1f, Step(ball, Left).Reward + Step(ball, Left).Reward);
    }

    [Fact]
    public void Region_targets_fire_on_entering_a_region_cell()
    {
        var environment = Single(Worlds.FromAscii("Row", 20, ["@.."]), Worlds.GoToCorner);
        Assert.Equal(0f, Step(environment, Right).Reward);
        var reach = Step(environment, Right);
        Assert.Equal(10f, reach.Reward);
        Assert.True(reach.Done);
    }

    [Fact]
    public void The_full_observation_has_wall_agent_item_and_inventory_channels()
    {
        var environment = Single(Worlds.FromAscii("Vault", 20, ["@KC", "#.."],
            Worlds.Item("key", new AnywhereRegion(), behaviour: ItemBehaviour.Key),
            Worlds.Item("chest", new AnywhereRegion(), behaviour: ItemBehaviour.Chest)), Treasure);
        Assert.Equal(new ObservationShape(5, 2, 3), environment.ObservationShape);
        var observation = new float[environment.ObservationShape.Size];
        environment.Observe(observation);
        Assert.Equal(new float[] { 0, 0, 0, 1, 0, 0 }, observation[0..6]);
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 0 }, observation[6..12]);
        Assert.Equal(new float[] { 0, 1, 0, 0, 0, 0 }, observation[12..18]);
        Assert.Equal(new float[] { 0, 0, 1, 0, 0, 0 }, observation[18..24]);
        Assert.All(observation[24..30], v => Assert.Equal(0f, v));
        Step(environment, Right);
        environment.Observe(observation);
        Assert.All(observation[12..18], v => Assert.Equal(0f, v));
        Assert.All(observation[24..30], v => Assert.Equal(1f, v));
    }

    [Fact]
    public void The_window_observation_treats_cells_off_the_grid_as_walls()
    {
        var model = Worlds.FromAscii("Corner", 20, ["@C.", "...", ".#."], Worlds.Item("cheese", new AnywhereRegion())) with { Observation = new WindowObservation(3) };
        var environment = Single(model, Worlds.EatCheese);
        Assert.Equal(new ObservationShape(3, 3, 3), environment.ObservationShape);
        var observation = new float[27];
        environment.Observe(observation);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0, 1, 0, 0 }, observation[0..9]);
        Assert.Equal(new float[] { 0, 0, 0, 0, 1, 0, 0, 0, 0 }, observation[9..18]);
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 1, 0, 0, 0 }, observation[18..27]);
        Step(environment, Down);
        Step(environment, Right);
        Step(environment, Right);
        environment.Observe(observation);
        Assert.Equal(new float[] { 0, 0, 1, 0, 0, 1, 1, 0, 1 }, observation[0..9]);
    }

    [Fact]
    public void Training_environments_play_fresh_levels_per_episode_deterministically()
    {
        int[] Starts(int seed)
        {
            var environment = GridVectorEnvironment.ForTraining(Worlds.CheeseAnywhere(), Worlds.EatCheese, 4, seed);
            var random = new RandomActions(seed);
            var actions = new int[4];
            var rewards = new float[4];
            var dones = new bool[4];
            var truncated = new bool[4];
            var starts = new List<int>();
            for (var t = 0; t < 300; t++)
            {
                random.Fill(actions);
                environment.Step(actions, rewards, dones, truncated);
                for (var i = 0; i < 4; i++)
                {
                    if (dones[i]) starts.Add(environment.AgentCell(i) * 100 + environment.LevelOf(i).ItemCells[0]);
                }
            }
            return starts.ToArray();
        }
        Assert.Equal(Starts(1), Starts(1));
        Assert.NotEqual(Starts(1), Starts(2));
        Assert.True(Starts(1).Distinct().Count() > 10);
    }

    [Fact]
    public void Stepping_allocates_nothing_even_when_levels_are_generated_on_reset()
    {
        var environment = GridVectorEnvironment.ForTraining(Worlds.CheeseMaze(), Worlds.EatCheese, 16, 3);
        var random = new RandomActions(3);
        var actions = new int[16];
        var rewards = new float[16];
        var dones = new bool[16];
        var truncated = new bool[16];
        var observation = new float[16 * environment.ObservationShape.Size];
        void Run(int steps)
        {
            for (var t = 0; t < steps; t++)
            {
                random.Fill(actions);
                environment.Step(actions, rewards, dones, truncated);
                environment.Observe(observation);
            }
        }
        Run(3000); // let tiered compilation settle first
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1000);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
