using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Levels.Walls;

/// <summary><c>walls maze(loops)</c>: the registry entry pairing the descriptor with <see cref="MazeWallGenerator"/>.</summary>
public sealed class MazeWalls : IWallGeneratorComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Maze;

    public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) =>
        new MazeWallGenerator(context.Environment, arguments.Float("loops"), context.Width, context.Height);
}

/// <summary><c>walls rooms(count)</c>: the registry entry pairing the descriptor with <see cref="RoomsWallGenerator"/>.</summary>
public sealed class RoomsWalls : IWallGeneratorComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Rooms;

    public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) =>
        new RoomsWallGenerator(context.Environment, arguments.Int("count"), context.Width, context.Height);
}

/// <summary><c>walls border</c>: the outermost ring of cells.</summary>
public sealed class BorderWalls : IWallGeneratorComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Border;

    public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) => new BorderWallGenerator();

    private sealed class BorderWallGenerator : IWallGenerator
    {
        public void Generate(bool[] walls, int width, int height, IRandomSource random)
        {
            for (var x = 0; x < width; x++)
            {
                walls[x] = true;
                walls[(height - 1) * width + x] = true;
            }
            for (var y = 0; y < height; y++)
            {
                walls[y * width] = true;
                walls[y * width + width - 1] = true;
            }
        }
    }
}
