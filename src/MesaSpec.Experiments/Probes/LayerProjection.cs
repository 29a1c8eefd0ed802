using MesaSpec.Gridworld.Randomness;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// A fixed Gaussian random projection of a wide layer to <see cref="Width"/> dimensions (Johnson-Lindenstrauss: a
/// linear probe of the projection is a linear probe of the layer, and distances are nearly kept), so fitting a probe
/// of a convolution layer's thousands of units takes milliseconds. Directions map back by the transpose.
/// </summary>
public sealed class LayerProjection
{
    public const int Width = 256;

    private const ulong Salt = 0x7072_6F6A_6563_7421UL; // "project!"

    private readonly float[] matrix; // Width x source, row-major

    public LayerProjection(int source, int seed, int layer)
    {
        Source = source;
        matrix = new float[Width * source];
        var random = DeterministicRandom.For(seed, layer, Salt);
        var scale = 1 / Math.Sqrt(Width);
        for (var i = 0; i < matrix.Length; i += 2)
        {
            // Box-Muller: two standard normals from two uniforms.
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            matrix[i] = (float)(radius * Math.Cos(angle) * scale);
            if (i + 1 < matrix.Length)
            {
                matrix[i + 1] = (float)(radius * Math.Sin(angle) * scale);
            }
        }
    }

    /// <summary>Units of the layer projected.</summary>
    public int Source { get; }

    /// <summary>The projection for a layer of <paramref name="width"/> units, or null when the layer is narrow enough to read as it is.</summary>
    public static LayerProjection? For(int width, int seed, int layer) => width > Width ? new LayerProjection(width, seed, layer) : null;

    public float[] Project(ReadOnlySpan<float> row)
    {
        var result = new float[Width];
        for (var k = 0; k < Width; k++)
        {
            double sum = 0;
            var offset = k * Source;
            for (var j = 0; j < Source; j++)
            {
                sum += matrix[offset + j] * row[j];
            }
            result[k] = (float)sum;
        }
        return result;
    }

    /// <summary>A direction of the projected space as a unit direction of the layer (transpose, then normalised).</summary>
    public float[] Back(float[] direction)
    {
        var result = new double[Source];
        for (var k = 0; k < Width; k++)
        {
            var offset = k * Source;
            for (var j = 0; j < Source; j++)
            {
                result[j] += matrix[offset + j] * direction[k];
            }
        }
        var norm = Math.Sqrt(result.Sum(v => v * v));
        return result.Select(v => (float)(norm > 0 ? v / norm : 0)).ToArray();
    }
}
