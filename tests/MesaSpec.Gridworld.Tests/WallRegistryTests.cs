using MesaSpec.Gridworld.Components;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.TestWorlds;

namespace MesaSpec.Gridworld.Tests;

/// <summary>Wall generators are registry entries: each holds the descriptor the binder checks, and the level generator finds them only through the entry.</summary>
public sealed class WallRegistryTests
{
    [Fact]
    public void Every_built_in_walls_descriptor_has_a_gridworld_entry_holding_that_very_descriptor()
    {
        var declared = ComponentCatalog.Default.OfKind(ComponentKind.Walls).ToList();
        var entries = new GridworldComponents().GetEntries().Select(e => e.Descriptor).Where(d => d.Kind == ComponentKind.Walls).OrderBy(d => d.Name, StringComparer.Ordinal);

        Assert.Equal(declared, entries, ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void Border_walls_are_the_outer_ring()
    {
        var border = new ComponentModel("border", new Dictionary<string, Value>());
        var level = new LevelGenerator(Worlds.CheeseMaze() with { Walls = new GeneratedWalls(border), Items = [] }).Generate(1, 0, 0);

        for (var y = 0; y < level.Height; y++)
        {
            for (var x = 0; x < level.Width; x++)
            {
                var ring = x == 0 || y == 0 || x == level.Width - 1 || y == level.Height - 1;
                Assert.Equal(ring, level.Walls[y * level.Width + x]);
            }
        }
    }

    [Fact]
    public void The_entry_the_binder_paired_with_the_call_is_the_one_used()
    {
        var call = new ComponentModel("anything", new Dictionary<string, Value>()) { Entry = new DiagonalWalls() };
        var level = new LevelGenerator(Worlds.CheeseMaze() with { Walls = new GeneratedWalls(call), Items = [] }).Generate(1, 0, 0);

        Assert.True(level.Walls[0]);
        Assert.True(level.Walls[level.Width + 1]);
        Assert.False(level.Walls[1]);
    }

    [Fact]
    public void A_generator_that_throws_is_a_level_generation_error_naming_it()
    {
        var call = new ComponentModel("broken", new Dictionary<string, Value>()) { Entry = new ThrowingWalls() };
        var generator = new LevelGenerator(Worlds.CheeseMaze() with { Walls = new GeneratedWalls(call) });

        var error = Assert.Throws<LevelGenerationException>(() => generator.Generate(1, 0, 0));

        Assert.Contains("wall generator 'broken' failed", error.Message);
        Assert.Equal("broken", error.Subject);
    }

    private static readonly ComponentDescriptor TestDescriptor = new("test", ComponentKind.Walls, "A test generator.", []);

    private sealed class DiagonalWalls : IWallGeneratorComponent
    {
        public ComponentDescriptor Descriptor => TestDescriptor;

        public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) => new Diagonal();

        private sealed class Diagonal : IWallGenerator
        {
            public void Generate(bool[] walls, int width, int height, IRandomSource random)
            {
                for (var i = 0; i < Math.Min(width, height) - 1; i++)
                {
                    walls[i * width + i] = true;
                }
            }
        }
    }

    private sealed class ThrowingWalls : IWallGeneratorComponent
    {
        public ComponentDescriptor Descriptor => TestDescriptor;

        public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) => new Throwing();

        private sealed class Throwing : IWallGenerator
        {
            public void Generate(bool[] walls, int width, int height, IRandomSource random) => throw new InvalidOperationException("bug in the plugin");
        }
    }
}
