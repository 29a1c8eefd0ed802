namespace MesaSpec.Language.Catalogue;

/// <summary>The grid a wall generator draws into, and the environment it serves (for error messages).</summary>
public sealed record WallGeneratorContext(string Environment, int Width, int Height);

/// <summary>The level's random stream; the same seed, level and salt give the same draws.</summary>
public interface IRandomSource
{
    /// <summary>A uniform integer in [0, bound).</summary>
    int NextInt(int bound);

    /// <summary>A uniform double in [0, 1).</summary>
    double NextDouble();
}

/// <summary>Draws the walls of one level into a cleared wall grid (row-major, <c>walls[y * width + x]</c>).</summary>
public interface IWallGenerator
{
    void Generate(bool[] walls, int width, int height, IRandomSource random);
}

/// <summary>A <c>walls name(...)</c> component: builds a generator from the call's arguments once per environment.</summary>
public interface IWallGeneratorComponent : IComponentEntry
{
    /// <summary>Throws <see cref="ComponentArgumentException"/> for arguments it cannot use.</summary>
    IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context);
}
