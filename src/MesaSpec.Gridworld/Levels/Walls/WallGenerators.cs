using MesaSpec.Gridworld.Components;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels.Walls;

/// <summary>
/// Builds the wall generator an environment's <see cref="WallsModel"/> asks for: none, an ASCII layout, or a
/// generator component found through the registry (never by name here).
/// </summary>
internal static class WallGenerators
{
    public static IWallGenerator Create(EnvironmentModel environment) => environment.Walls switch
    {
        NoWalls => new NoWallGenerator(),
        LayoutWalls layout => new LayoutWallGenerator(environment, layout),
        GeneratedWalls generated => Generated(environment, generated.Generator),
        _ => throw new LevelGenerationException(environment.Name, "walls", null, $"environment '{environment.Name}': unsupported walls {environment.Walls}"),
    };

    private static IWallGenerator Generated(EnvironmentModel environment, ComponentModel call)
    {
        // The binder pairs the call with its entry; a model built by hand (tests, the editor's preview) has
        // none, and then the built-in registry is the one to ask.
        var entry = call.Entry as IWallGeneratorComponent ?? GridworldComponents.Builtin.Entry<IWallGeneratorComponent>(ComponentKind.Walls, call.Name)
            ?? throw new LevelGenerationException(environment.Name, call.Name, null,
                $"environment '{environment.Name}': unknown wall generator '{call.Name}': no implementation is loaded (built in: {string.Join(", ", GridworldComponents.Builtin.Entries.Select(e => e.Descriptor.Name).Order(StringComparer.Ordinal))})");
        var context = new WallGeneratorContext(environment.Name, environment.Width, environment.Height);
        try
        {
            return new GuardedWallGenerator(environment.Name, call.Name, entry.Create(new ComponentArguments(call, call.Descriptor ?? entry.Descriptor), context));
        }
        catch (Exception e) when (e is not LevelGenerationException)
        {
            throw GuardedWallGenerator.Failure(environment.Name, call.Name, e);
        }
    }
}

/// <summary>
/// Turns anything a generator throws (a plugin's bug, a bad argument) into a <see cref="LevelGenerationException"/>
/// naming the component, which every host already reports as a diagnostic.
/// </summary>
internal sealed class GuardedWallGenerator(string environment, string component, IWallGenerator inner) : IWallGenerator
{
    public void Generate(bool[] walls, int width, int height, IRandomSource random)
    {
        try
        {
            inner.Generate(walls, width, height, random);
        }
        catch (Exception e) when (e is not LevelGenerationException)
        {
            throw Failure(environment, component, e);
        }
    }

    public static LevelGenerationException Failure(string environment, string component, Exception e) =>
        new(environment, component, null, e is ComponentArgumentException
            ? $"environment '{environment}': {e.Message}"
            : $"environment '{environment}': wall generator '{component}' failed: {e.GetType().Name}: {e.Message}");
}

internal sealed class NoWallGenerator : IWallGenerator
{
    public void Generate(bool[] walls, int width, int height, IRandomSource random)
    {
    }
}

/// <summary>Walls drawn by an ASCII layout: the same on every level.</summary>
internal sealed class LayoutWallGenerator : IWallGenerator
{
    private readonly bool[] layout;

    public LayoutWallGenerator(EnvironmentModel environment, LayoutWalls walls)
    {
        if (walls.Wall.Count != environment.Height || walls.Wall.Any(row => row.Count != environment.Width))
        {
            throw new LevelGenerationException(environment.Name, "layout", null,
                $"environment '{environment.Name}': the layout is not {environment.Width} x {environment.Height}");
        }
        layout = new bool[environment.Width * environment.Height];
        for (var y = 0; y < environment.Height; y++)
        {
            for (var x = 0; x < environment.Width; x++)
            {
                layout[y * environment.Width + x] = walls.Wall[y][x];
            }
        }
    }

    public void Generate(bool[] walls, int width, int height, IRandomSource random) => layout.CopyTo(walls, 0);
}
