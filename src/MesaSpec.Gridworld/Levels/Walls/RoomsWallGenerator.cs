using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Levels.Walls;

/// <summary>
/// <c>walls rooms(count: int = 4)</c>: the grid divided into <c>count</c> rooms by straight walls, each wall
/// with one doorway (binary space partitioning: the largest room that can still be split is split across
/// its longer side). Every room stays connected because each dividing wall has a door and a wall never
/// ends in front of an existing door.
/// </summary>
internal sealed class RoomsWallGenerator : IWallGenerator
{
    private readonly string environment;
    private readonly int count;
    private readonly int[] roomX, roomY, roomW, roomH;
    private readonly int[] positions;

    public RoomsWallGenerator(string environment, int count, int width, int height)
    {
        if (count < 1)
        {
            throw new LevelGenerationException(environment, BuiltinComponents.Rooms.Name, null, $"environment '{environment}': rooms count must be at least 1, got {count}");
        }
        this.environment = environment;
        this.count = count;
        roomX = new int[count];
        roomY = new int[count];
        roomW = new int[count];
        roomH = new int[count];
        positions = new int[Math.Max(width, height)];
    }

    public void Generate(bool[] walls, int width, int height, IRandomSource random)
    {
        roomX[0] = 0; roomY[0] = 0; roomW[0] = width; roomH[0] = height;
        var rooms = 1;
        while (rooms < count)
        {
            if (!SplitLargestSplittable(walls, width, height, rooms, random))
            {
                throw new LevelGenerationException(environment, BuiltinComponents.Rooms.Name, null,
                    $"environment '{environment}': rooms(count: {count}) does not fit a {width} x {height} grid (only {rooms} rooms could be made)");
            }
            rooms++;
        }
    }

    private bool SplitLargestSplittable(bool[] walls, int width, int height, int rooms, IRandomSource random)
    {
        Span<bool> tried = stackalloc bool[rooms];
        for (var attempt = 0; attempt < rooms; attempt++)
        {
            var best = -1;
            for (var r = 0; r < rooms; r++)
            {
                if (!tried[r] && (best < 0 || roomW[r] * roomH[r] > roomW[best] * roomH[best]))
                {
                    best = r;
                }
            }
            tried[best] = true;
            var vertical = roomW[best] >= roomH[best];
            if (TrySplit(walls, width, height, best, rooms, vertical, random)
                || TrySplit(walls, width, height, best, rooms, !vertical, random))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Splits room <paramref name="r"/> with a wall; the new room goes to index <paramref name="slot"/>.</summary>
    private bool TrySplit(bool[] walls, int width, int height, int r, int slot, bool vertical, IRandomSource random)
    {
        int x = roomX[r], y = roomY[r], w = roomW[r], h = roomH[r];
        var span = vertical ? w : h;
        var valid = 0;
        for (var offset = 1; offset < span - 1; offset++)
        {
            // A wall across the room must not end in front of a doorway of the room's own walls.
            bool blocksDoor = vertical
                ? IsOpen(walls, width, height, x + offset, y - 1) || IsOpen(walls, width, height, x + offset, y + h)
                : IsOpen(walls, width, height, x - 1, y + offset) || IsOpen(walls, width, height, x + w, y + offset);
            if (!blocksDoor)
            {
                positions[valid++] = offset;
            }
        }
        if (valid == 0)
        {
            return false;
        }
        var at = positions[random.NextInt(valid)];
        var length = vertical ? h : w;
        var door = random.NextInt(length);
        for (var i = 0; i < length; i++)
        {
            if (i == door)
            {
                continue;
            }
            if (vertical) walls[(y + i) * width + x + at] = true;
            else walls[(y + at) * width + x + i] = true;
        }
        if (vertical)
        {
            roomX[slot] = x + at + 1; roomY[slot] = y; roomW[slot] = w - at - 1; roomH[slot] = h;
            roomW[r] = at;
        }
        else
        {
            roomX[slot] = x; roomY[slot] = y + at + 1; roomW[slot] = w; roomH[slot] = h - at - 1;
            roomH[r] = at;
        }
        return true;
    }

    /// <summary>A free cell inside the grid (outside the grid counts as closed: nothing to block there).</summary>
    private static bool IsOpen(bool[] walls, int width, int height, int x, int y) =>
        x >= 0 && y >= 0 && x < width && y < height && !walls[y * width + x];
}
