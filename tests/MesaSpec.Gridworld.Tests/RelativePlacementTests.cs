using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary><c>near(anchor, d)</c> spawns and region unions, checked against a path distance the test measures itself.</summary>
public class RelativePlacementTests
{
    private static EnvironmentModel Plate(RegionModel cheese, RegionModel? dish = null, RegionModel? agent = null, int cheeseCount = 1) =>
        Worlds.CheeseMaze() with
        {
            Name = "Plate",
            DisplayName = "Plate",
            AgentSpawn = agent ?? new AnywhereRegion(),
            Items = [Worlds.Item("dish", dish ?? new AnywhereRegion()), Worlds.Item("cheese", cheese, count: cheeseCount)],
        };

    [Fact]
    public void Near_one_puts_the_cheese_one_step_from_the_dish_along_the_maze()
    {
        var generator = new LevelGenerator(Plate(new NearRegion("dish", 1)));
        for (var index = 0; index < 200; index++)
        {
            var level = generator.Generate(3, index, LevelSeeds.TrainingSalt);
            Assert.Equal(1, PathDistance(level, level.ItemCells[0], level.ItemCells[1]));
        }
    }

    [Fact]
    public void Near_three_is_within_three_steps_and_uses_the_whole_range()
    {
        var generator = new LevelGenerator(Plate(new NearRegion("dish", 3)));
        var seen = new HashSet<int>();
        for (var index = 0; index < 300; index++)
        {
            var level = generator.Generate(5, index, LevelSeeds.TrainingSalt);
            var distance = PathDistance(level, level.ItemCells[0], level.ItemCells[1]);
            Assert.InRange(distance, 1, 3);
            seen.Add(distance);
        }
        Assert.Equal([1, 2, 3], seen.Order());
    }

    [Fact]
    public void Except_near_keeps_the_cheese_more_than_four_steps_away()
    {
        var generator = new LevelGenerator(Plate(new DifferenceRegion(new AnywhereRegion(), new NearRegion("dish", 4))));
        for (var index = 0; index < 200; index++)
        {
            var level = generator.Generate(11, index, LevelSeeds.TrainingSalt);
            Assert.True(PathDistance(level, level.ItemCells[0], level.ItemCells[1]) > 4);
        }
    }

    [Fact]
    public void The_agent_near_the_cheese_and_a_dish_in_a_union_of_corners()
    {
        var corners = new UnionRegion([new CornerRegion(Corner.TopLeft, 1), new CornerRegion(Corner.BottomRight, 1)]);
        var generator = new LevelGenerator(Plate(new NearRegion("dish", 2), dish: corners, agent: new NearRegion("cheese", 2)));
        var dishCells = new HashSet<int>();
        for (var index = 0; index < 100; index++)
        {
            var level = generator.Generate(2, index, LevelSeeds.TrainingSalt);
            dishCells.Add(level.ItemCells[0]);
            Assert.InRange(PathDistance(level, level.ItemCells[1], level.AgentCell), 1, 2);
            Assert.NotEqual(level.ItemCells[0], level.AgentCell);
        }
        Assert.Equal([0, 80], dishCells.Order());
    }

    [Fact]
    public void Too_many_items_near_an_anchor_fail_generation_with_the_region_named()
    {
        // A dish in a maze's corner has at most two free neighbours, so three cheeses cannot all be next to it.
        var generator = new LevelGenerator(Plate(new NearRegion("dish", 1), dish: new CornerRegion(Corner.TopLeft, 1), cheeseCount: 3));
        var error = Assert.Throws<LevelGenerationException>(() => generator.Generate(1, 0, LevelSeeds.TrainingSalt));
        Assert.Contains("near(dish, 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("cheese", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draw_whose_anchor_has_no_room_left_is_drawn_again_on_the_same_walls()
    {
        // 5 x 5 maze: 17 free cells, many dead ends; the agent, placed first, often takes a dead-end dish's only
        // neighbour, and the level is then drawn again rather than failing.
        var environment = Plate(new NearRegion("dish", 1)) with { Width = 5, Height = 5 };
        var generator = new LevelGenerator(environment);
        var walls = new LevelGenerator(environment with { Items = [], AgentSpawn = new AnywhereRegion() });
        for (var index = 0; index < 1000; index++)
        {
            var level = generator.Generate(4, index, LevelSeeds.TrainingSalt);
            Assert.Equal(1, PathDistance(level, level.ItemCells[0], level.ItemCells[1]));
            Assert.Equal(walls.Generate(4, index, LevelSeeds.TrainingSalt).Walls, level.Walls);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_level()
    {
        var environment = Plate(new NearRegion("dish", 2), agent: new DifferenceRegion(new AnywhereRegion(), new NearRegion("cheese", 3)));
        var a = new LevelGenerator(environment).Generate(9, 4, LevelSeeds.TrainingSalt);
        var b = new LevelGenerator(environment).Generate(9, 4, LevelSeeds.TrainingSalt);
        Assert.Equal(a.ItemCells, b.ItemCells);
        Assert.Equal(a.AgentCell, b.AgentCell);
        Assert.Equal(a.Walls, b.Walls);
    }

    [Fact]
    public void Generating_relative_levels_into_a_buffer_allocates_nothing()
    {
        var generator = new LevelGenerator(Plate(new NearRegion("dish", 2), agent: new DifferenceRegion(new AnywhereRegion(), new NearRegion("cheese", 3))));
        var level = generator.CreateBuffer();
        for (var index = 0; index < 2000; index++)
        {
            generator.GenerateInto(level, 1, index, LevelSeeds.TrainingSalt); // let tiered compilation settle first
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < 500; index++)
        {
            generator.GenerateInto(level, 1, index, LevelSeeds.TrainingSalt);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static int PathDistance(Level level, int from, int to)
    {
        var distance = new Dictionary<int, int> { [from] = 0 };
        var queue = new Queue<int>([from]);
        while (queue.Count > 0)
        {
            var cell = queue.Dequeue();
            if (cell == to)
            {
                return distance[cell];
            }
            int x = cell % level.Width, y = cell / level.Width;
            foreach (var (nx, ny) in new[] { (x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y) })
            {
                if (nx < 0 || ny < 0 || nx >= level.Width || ny >= level.Height) continue;
                var next = ny * level.Width + nx;
                if (!level.Walls[next] && distance.TryAdd(next, distance[cell] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return int.MaxValue;
    }
}
