using MesaSpec.Language.Catalogue;

namespace MesaSpec.Examples.Spiral;

/// <summary><c>walls spiral(doorways)</c>: the registry entry pairing the descriptor with the generator.</summary>
public sealed class SpiralWalls : IWallGeneratorComponent
{
    public ComponentDescriptor Descriptor => SpiralDescriptors.Spiral;

    public IWallGenerator Create(ComponentArguments arguments, WallGeneratorContext context) =>
        new Generator(arguments.RangeChecked("doorways", arguments.Int("doorways"), d => d is >= 1 and <= 4, "must lie between 1 and 4"));

    /// <summary>
    /// Ring r is the cells at distance r from the border (r = 1, 3, 5, ...): a wall with doorways. The cells
    /// between rings stay open, so every open cell is reachable through the doorways.
    /// </summary>
    private sealed class Generator(int doorways) : IWallGenerator
    {
        public void Generate(bool[] walls, int width, int height, IRandomSource random)
        {
            for (var ring = 1; 2 * ring < Math.Min(width, height) - 1; ring += 2)
            {
                var cells = Ring(ring, width, height);
                foreach (var cell in cells)
                {
                    walls[cell] = true;
                }
                // Doorways avoid the ring's corners: a corner doorway would lead diagonally, which agents cannot walk.
                var sides = cells.Where(c => !IsCorner(c, ring, width, height)).ToList();
                for (var d = 0; d < doorways && sides.Count > 0; d++)
                {
                    var pick = random.NextInt(sides.Count);
                    walls[sides[pick]] = false;
                    sides.RemoveAt(pick);
                }
            }
        }

        private static List<int> Ring(int r, int width, int height)
        {
            var cells = new List<int>();
            for (var x = r; x < width - r; x++)
            {
                cells.Add(r * width + x);
                cells.Add((height - 1 - r) * width + x);
            }
            for (var y = r + 1; y < height - 1 - r; y++)
            {
                cells.Add(y * width + r);
                cells.Add(y * width + width - 1 - r);
            }
            return cells.Distinct().ToList();
        }

        private static bool IsCorner(int cell, int r, int width, int height)
        {
            var (x, y) = (cell % width, cell / width);
            return (x == r || x == width - 1 - r) && (y == r || y == height - 1 - r);
        }
    }
}
