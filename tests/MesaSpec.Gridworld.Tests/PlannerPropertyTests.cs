using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Gridworld.Tests.Reference;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>
/// The planner against the algorithm it replaced (<see cref="ReferencePlanner"/>) on random small levels: walls, apples,
/// keys and chests, shields, lava, monsters that chase or flee at full or half speed or patrol a route of cells (its
/// waypoint in the state's memory; some waypoints on walls, skipped), and in about half of them a gem
/// stacked on another item (<c>spawn on(kind)</c>, taken in the same step); objectives with hold conditions,
/// 'at most' counters, 'after' orders and ends of their own; several horizons and discounts. Returns must be equal bit
/// for bit and the state counts the same, for one objective, for a lexicographic pair, and for the full plan; the counts
/// never exceed the state estimate check uses (<see cref="PlannerStateEstimate"/>).
/// </summary>
public sealed class PlannerPropertyTests
{
    private static readonly string[] KindLetters = ["apple", "key", "chest", "shield", "lava", "monster"];

    [Fact]
    public void The_planner_equals_the_reference_on_random_levels_with_items_and_moving_entities()
    {
        int compared = 0, stacked = 0, patrolled = 0;
        for (var seed = 0; seed < 160; seed++)
        {
            var random = new Random(seed);
            var environment = RandomEnvironment(random, seed);
            // The stacks draw from a stream of their own, so the levels and objectives drawn before them stay as they were.
            var stacking = new Random(seed + 1000);
            environment = WithStackedGem(environment, stacking);
            environment = WithPatrols(environment, new Random(seed + 2000));
            patrolled += environment.Items.Any(i => i.Movement?.Name == BuiltinComponents.Patrol.Name) ? 1 : 0;
            var generator = new LevelGenerator(environment);
            var level = generator.Generate(0, 0, 0);
            var (baseObjective, proxy) = (RandomObjective(random, "Base"), RandomObjective(random, "Proxy"));
            if (environment.Items.Any(i => i.Kind == "gem"))
            {
                (baseObjective, proxy) = (WithGemTerm(baseObjective, stacking), WithGemTerm(proxy, stacking));
                stacked++;
            }
            var discount = new[] { 1, 0.99, 0.9 }[random.Next(3)];
            var planner = new EnvironmentPlanner(environment, generator.Items, discount: discount);
            var expectedOne = Reference(planner, level, baseObjective, [baseObjective], discount);
            var expectedPair = Reference(planner, level, baseObjective, [proxy, baseObjective], discount);
            var onLevel = planner.ForLevel(level, baseObjective);
            Assert.Equal(expectedOne.Returns[0], planner.OptimalReturn(onLevel, baseObjective));
            var conflict = planner.Compare(onLevel, proxy);
            Assert.Equal(expectedPair.Returns[0], conflict.ProxyOptimal);
            Assert.Equal(expectedPair.Returns[1], conflict.BaseAmongProxyOptimal);
            var plan = planner.Solve(level, baseObjective, proxy, baseObjective);
            Assert.Equal(expectedPair.StateCount, plan.StateCount);
            Assert.Equal(expectedPair.Returns, new[] { plan.OptimalReturn(0), plan.OptimalReturn(1) });
            Assert.Equal(expectedOne.StateCount, planner.Solve(level, baseObjective, baseObjective).StateCount);
            Assert.True(expectedOne.StateCount <= PlannerStateEstimate.UpperBound(level, environment.Horizon, baseObjective, [baseObjective]));
            Assert.True(expectedPair.StateCount <= PlannerStateEstimate.UpperBound(level, environment.Horizon, baseObjective, [proxy, baseObjective]));
            compared++;
        }
        Assert.Equal(160, compared);
        Assert.InRange(stacked, 50, 110);
        Assert.InRange(patrolled, 30, 110);
    }

    /// <summary>In about half the environments with monsters, they patrol two or three cells of the grid instead (a wall among them is skipped).</summary>
    private static EnvironmentModel WithPatrols(EnvironmentModel environment, Random random)
    {
        if (random.Next(2) == 0)
        {
            return environment;
        }
        return environment with
        {
            Items = [.. environment.Items.Select(item => item.Movement is null ? item : item with
            {
                Movement = PatrolTests.Route(random.Next(1, 3),
                    [.. Enumerable.Range(0, random.Next(2, 4)).Select(_ => (random.Next(environment.Width), random.Next(environment.Height)))]),
            })],
        };
    }

    /// <summary>
    /// In about half the environments, a gem on the cell of one of its items (a collectable, a key that opens chests or a
    /// shield), so the planner and the reference step onto stacks: a key on a chest it then opens, a gem on lava.
    /// </summary>
    private static EnvironmentModel WithStackedGem(EnvironmentModel environment, Random random)
    {
        if (random.Next(2) == 0 || environment.Items.Count == 0)
        {
            return environment;
        }
        var anchor = environment.Items[random.Next(environment.Items.Count)].Kind;
        var gem = random.Next(3) switch
        {
            0 => Worlds.Item("gem", new OnRegion(anchor), behaviour: ItemBehaviour.Key, opens: environment.Items.Any(i => i.Kind == "chest") ? "chest" : null),
            1 => Worlds.Item("gem", new OnRegion(anchor), behaviour: ItemBehaviour.Shield),
            _ => Worlds.Item("gem", new OnRegion(anchor)),
        };
        // Before or after the anchor in item order, which decides which of the two is resolved first.
        var at = random.Next(environment.Items.Count + 1);
        return environment with { Items = [.. environment.Items.Take(at), gem, .. environment.Items.Skip(at)] };
    }

    private static ObjectiveModel WithGemTerm(ObjectiveModel objective, Random random) => objective with
    {
        Rewards = [.. objective.Rewards, new RewardTerm(random.Next(2) == 0 ? 1 : -0.5, EventKind.Collects, new KindTarget("gem"))],
        Ends = random.Next(4) == 0 ? [.. objective.Ends, new EndCondition(EventKind.Collects, new KindTarget("gem"))] : objective.Ends,
    };

    private static ReferencePlan Reference(EnvironmentPlanner planner, Level level, ObjectiveModel terminating, ObjectiveModel[] scored, double discount) =>
        ReferencePlanner.Solve(level, planner.Neighbours, planner.Compile(terminating), scored.Select(planner.Compile).ToArray(),
            planner.Environment.Horizon, discount: discount);

    /// <summary>A 3 x 3 to 5 x 4 grid, a wall in about one cell of seven, up to five items and two entities, horizon 2 to 40.</summary>
    private static EnvironmentModel RandomEnvironment(Random random, int seed)
    {
        int width = random.Next(3, 6), height = random.Next(3, 5);
        var rows = Enumerable.Range(0, height).Select(_ => Enumerable.Range(0, width).Select(_ => random.Next(7) == 0 ? '#' : '.').ToArray()).ToArray();
        var free = Enumerable.Range(0, width * height).Where(c => rows[c / width][c % width] == '.').OrderBy(_ => random.Next()).ToList();
        if (free.Count < 2)
        {
            rows[0][0] = '.';
            rows[0][1] = '.';
            free = [0, 1];
        }
        rows[free[0] / width][free[0] % width] = '@';
        var letters = new List<char>();
        for (var i = 1; i < free.Count && letters.Count < 6; i++)
        {
            var kind = KindLetters[random.Next(KindLetters.Length)];
            if (kind == "monster" && letters.Count(l => l == 'M') >= 2 || random.Next(3) == 0)
            {
                continue;
            }
            var letter = char.ToUpperInvariant(kind[0]);
            rows[free[i] / width][free[i] % width] = letter;
            letters.Add(letter);
        }
        var kinds = KindLetters.Where(k => letters.Contains(char.ToUpperInvariant(k[0]))).Select(k => Kind(k, random)).ToArray();
        return Worlds.FromAscii($"Random{seed}", random.Next(2, 41), rows.Select(r => new string(r)).ToArray(), kinds);
    }

    private static ItemModel Kind(string kind, Random random) => kind switch
    {
        "key" => Worlds.Item(kind, new AnywhereRegion(), behaviour: ItemBehaviour.Key, opens: "chest"),
        "chest" => Worlds.Item(kind, new AnywhereRegion(), behaviour: ItemBehaviour.Chest),
        "shield" => Worlds.Item(kind, new AnywhereRegion(), behaviour: ItemBehaviour.Shield),
        "lava" => Worlds.Item(kind, new AnywhereRegion(), behaviour: ItemBehaviour.Hazard),
        "monster" => Worlds.Item(kind, new AnywhereRegion(), behaviour: ItemBehaviour.Monster) with
        {
            Movement = Movement(random.Next(4) == 0 ? BuiltinComponents.Flee : BuiltinComponents.Chase, random.Next(1, 3)),
        },
        _ => Worlds.Item(kind, new AnywhereRegion()),
    };

    private static ComponentModel Movement(ComponentDescriptor descriptor, int every) =>
        new(descriptor.Name, new Dictionary<string, Value> { ["target"] = new("agent"), ["every"] = new((long)every) }) { Descriptor = descriptor };

    /// <summary>Two to four reward terms and sometimes an end of its own, drawn from what the kinds can do.</summary>
    private static ObjectiveModel RandomObjective(Random random, string name)
    {
        var rewards = new List<RewardTerm>();
        for (var i = random.Next(2, 5); i > 0; i--)
        {
            RewardTerm term = random.Next(7) switch
            {
                0 => new RewardTerm(1, EventKind.Collects, new KindTarget("apple")) { AtMost = random.Next(2) == 0 ? 1 : null },
                1 => new RewardTerm(2, EventKind.Opens, new KindTarget("chest")),
                2 => new RewardTerm(0.5, EventKind.Collects, new KindTarget("key")),
                3 => new RewardTerm(-1, EventKind.Touches, new KindTarget("monster")) { Condition = new HoldCondition(false, "shield") },
                4 => new RewardTerm(1, EventKind.Collects, new KindTarget("shield")) { After = random.Next(2) == 0 ? "apple" : null },
                5 => new RewardTerm(1, EventKind.Reaches, new RegionTarget(new CornerRegion(Corner.TopRight, 1))),
                _ => new RewardTerm(-0.01, EventKind.EachStep, null),
            };
            rewards.Add(term);
        }
        EndCondition[] ends = random.Next(3) switch
        {
            0 => [new EndCondition(EventKind.Reaches, new RegionTarget(new CornerRegion(Corner.TopRight, 1)))],
            1 => [new EndCondition(EventKind.Collects, new KindTarget("apple")) { After = random.Next(2) == 0 ? "key" : null }],
            _ => [],
        };
        return Worlds.Objective(name, rewards, ends);
    }
}
