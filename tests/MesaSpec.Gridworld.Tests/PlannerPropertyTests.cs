using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Gridworld.Tests.Reference;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>
/// The planner against the algorithm it replaced (<see cref="ReferencePlanner"/>) on random small levels: walls, apples,
/// keys and chests, shields, lava, monsters that chase or flee at full or half speed; objectives with hold conditions,
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
        var compared = 0;
        for (var seed = 0; seed < 160; seed++)
        {
            var random = new Random(seed);
            var environment = RandomEnvironment(random, seed);
            var generator = new LevelGenerator(environment);
            var level = generator.Generate(0, 0, 0);
            var (baseObjective, proxy) = (RandomObjective(random, "Base"), RandomObjective(random, "Proxy"));
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
    }

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
