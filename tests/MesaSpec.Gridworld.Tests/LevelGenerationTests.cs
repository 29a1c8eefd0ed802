using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

public class LevelGenerationTests
{
    [Fact]
    public void A_perfect_maze_on_an_odd_grid_frees_every_corner_and_connects_every_free_cell_by_a_tree()
    {
        var generator = new LevelGenerator(Worlds.CheeseMaze());
        for (var index = 0; index < 50; index++)
        {
            var level = generator.Generate(7, index, LevelSeeds.TrainingSalt);
            Assert.False(level.IsWall(0, 0));
            Assert.False(level.IsWall(8, 0));
            Assert.False(level.IsWall(0, 8));
            Assert.False(level.IsWall(8, 8));
            var free = level.Walls.Count(w => !w);
            Assert.Equal(25 + 24, free); // 5 x 5 rooms and the 24 passages of a spanning tree
            Assert.Equal(free, Reachable(level, level.AgentCell));
        }
    }

    [Fact]
    public void Maze_loops_open_extra_walls()
    {
        var environment = Worlds.CheeseMaze() with { Walls = new GeneratedWalls(new ComponentModel("maze", new Dictionary<string, Value> { ["loops"] = new(0.5) })) };
        var level = new LevelGenerator(environment).Generate(1, 0, LevelSeeds.TrainingSalt);
        Assert.True(level.Walls.Count(w => !w) > 49);
    }

    [Fact]
    public void Rooms_divide_the_grid_into_connected_rooms()
    {
        var environment = Worlds.CheeseMaze() with
        {
            Width = 11,
            Height = 11,
            Walls = new GeneratedWalls(new ComponentModel("rooms", new Dictionary<string, Value> { ["count"] = new(4L) })),
        };
        var generator = new LevelGenerator(environment);
        for (var index = 0; index < 30; index++)
        {
            var level = generator.Generate(3, index, LevelSeeds.TrainingSalt);
            Assert.True(level.Walls.Count(w => w) >= 3 * 5);
            Assert.Equal(level.Walls.Count(w => !w), Reachable(level, level.AgentCell));
        }
    }

    [Fact]
    public void Too_many_rooms_for_the_grid_is_a_generation_error()
    {
        var environment = Worlds.CheeseMaze() with
        {
            Width = 3,
            Height = 3,
            Items = [],
            Walls = new GeneratedWalls(new ComponentModel("rooms", new Dictionary<string, Value> { ["count"] = new(9L) })),
        };
        var error = Assert.Throws<LevelGenerationException>(() => new LevelGenerator(environment).Generate(0, 0, 0));
        Assert.Contains("rooms(count: 9)", error.Message);
    }

    [Fact]
    public void Same_environment_seed_and_index_give_the_same_level_and_other_indices_differ()
    {
        var a = new LevelGenerator(Worlds.CheeseAnywhere());
        var b = new LevelGenerator(Worlds.CheeseAnywhere());
        var first = a.Generate(11, 5, LevelSeeds.EvaluationSalt);
        var again = b.Generate(11, 5, LevelSeeds.EvaluationSalt);
        Assert.Equal(first.Walls, again.Walls);
        Assert.Equal(first.ItemCells, again.ItemCells);
        Assert.Equal(first.AgentCell, again.AgentCell);
        var distinct = Enumerable.Range(0, 20).Select(i => string.Join("", a.Generate(11, i, LevelSeeds.EvaluationSalt).Walls.Select(w => w ? '#' : '.'))).Distinct().Count();
        Assert.True(distinct > 15);
    }

    [Fact]
    public void Agent_and_items_take_distinct_free_cells_of_their_regions()
    {
        var environment = new EnvironmentModel("Many", "Many", 7, 7, new NoWalls(), new RowsRegion(0, 1),
            [Worlds.Item("gem", new RowsRegion(0, 1), count: 12), Worlds.Item("lava", new DifferenceRegion(new ColumnsRegion(-1, -1), new RowsRegion(0, 1)), count: 3, behaviour: ItemBehaviour.Hazard)],
            20, new FullObservation(), null);
        var generator = new LevelGenerator(environment);
        for (var index = 0; index < 40; index++)
        {
            var level = generator.Generate(0, index, 0);
            var cells = level.ItemCells.Append(level.AgentCell).ToArray();
            Assert.Equal(cells.Length, cells.Distinct().Count());
            Assert.All(cells.Take(12).Append(level.AgentCell), c => Assert.True(c / 7 <= 1));
            Assert.All(cells.Skip(12).Take(3), c => Assert.Equal(6, c % 7));
        }
    }

    [Fact]
    public void A_region_with_too_few_free_cells_names_the_item_and_the_region()
    {
        var environment = Worlds.CheeseMaze() with { Items = [Worlds.Item("cheese", new CornerRegion(Corner.TopRight, 1), count: 2)] };
        var error = Assert.Throws<LevelGenerationException>(() => new LevelGenerator(environment).Generate(0, 0, 0));
        Assert.Equal("cheese", error.Subject);
        Assert.Equal("corner(top_right, 1)", error.Region);
        Assert.Contains("cannot place 2 x 'cheese' in corner(top_right, 1)", error.Message);
    }

    [Fact]
    public void A_maze_on_an_even_grid_walls_off_the_far_corner()
    {
        var environment = Worlds.CheeseMaze() with { Width = 10 };
        var error = Assert.Throws<LevelGenerationException>(() => new LevelGenerator(environment).Generate(0, 0, 0));
        Assert.Contains("1 are walls", error.Message);
    }

    [Fact]
    public void Layouts_fix_walls_and_item_cells()
    {
        var environment = Worlds.FromAscii("Room", 10, ["#####", "#@.K#", "#.#C#", "#####"],
            Worlds.Item("key", new AnywhereRegion(), behaviour: ItemBehaviour.Key), Worlds.Item("chest", new AnywhereRegion(), behaviour: ItemBehaviour.Chest));
        var level = new LevelGenerator(environment).Generate(0, 0, 0);
        Assert.True(level.IsWall(0, 0));
        Assert.True(level.IsWall(2, 2));
        Assert.Equal(level.Cell(1, 1), level.AgentCell);
        Assert.Equal([level.Cell(3, 1), level.Cell(3, 2)], level.ItemCells);
    }

    [Fact]
    public void An_unknown_wall_generator_is_a_clear_error()
    {
        var environment = Worlds.CheeseMaze() with { Walls = new GeneratedWalls(new ComponentModel("caves", new Dictionary<string, Value>())) };
        var error = Assert.Throws<LevelGenerationException>(() => new LevelGenerator(environment));
        Assert.Contains("unknown wall generator 'caves'", error.Message);
    }

    [Fact]
    public void A_finite_level_set_is_the_same_for_every_training_seed_and_fresh_levels_depend_on_the_seed()
    {
        var generator = new LevelGenerator(Worlds.CheeseMaze(levels: 3));
        var set = FiniteLevelSource.FiniteSet(generator, 3);
        var one = new FiniteLevelSource(set, 1);
        var two = new FiniteLevelSource(set, 2);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Contains(one.LevelFor(i, 0), set));
        Assert.All(Enumerable.Range(0, 20), i => Assert.Contains(two.LevelFor(i, 0), set));
        var fresh1 = generator.Generate(1, 0, LevelSeeds.TrainingSalt);
        var fresh2 = generator.Generate(2, 0, LevelSeeds.TrainingSalt);
        Assert.NotEqual(fresh1.Walls, fresh2.Walls);
    }

    internal static int Reachable(Level level, int start)
    {
        var seen = new bool[level.CellCount];
        var queue = new Queue<int>([start]);
        seen[start] = true;
        var count = 0;
        while (queue.Count > 0)
        {
            var cell = queue.Dequeue();
            count++;
            int x = cell % level.Width, y = cell / level.Width;
            foreach (var (nx, ny) in new[] { (x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y) })
            {
                if (nx < 0 || ny < 0 || nx >= level.Width || ny >= level.Height) continue;
                var next = ny * level.Width + nx;
                if (!level.Walls[next] && !seen[next])
                {
                    seen[next] = true;
                    queue.Enqueue(next);
                }
            }
        }
        return count;
    }
}
