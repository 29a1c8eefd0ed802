using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Levels.Walls;

/// <summary>
/// <c>walls maze(loops: float = 0)</c>: a perfect maze by the recursive backtracker (iterative, explicit stack).
/// Rooms sit on even coordinates and passages on the odd cells between them, so on an odd-sized grid
/// all four corner cells are free. <c>loops</c> is the fraction of the remaining walls between two rooms
/// that are opened afterwards (0: exactly one path between any two cells).
/// Keeps its scratch buffers: one instance per thread.
/// </summary>
internal sealed class MazeWallGenerator : IWallGenerator
{
    private readonly double loops;
    private readonly int roomsX;
    private readonly int roomsY;
    private readonly bool[] visited;
    private readonly int[] stack;
    private readonly int[] candidates;

    public MazeWallGenerator(string environment, double loops, int width, int height)
    {
        if (loops is < 0 or > 1 || double.IsNaN(loops))
        {
            throw new LevelGenerationException(environment, BuiltinComponents.Maze.Name, null,
                $"environment '{environment}': maze loops must lie in [0, 1], got {loops}");
        }
        this.loops = loops;
        roomsX = (width + 1) / 2;
        roomsY = (height + 1) / 2;
        visited = new bool[roomsX * roomsY];
        stack = new int[roomsX * roomsY];
        candidates = new int[width * height];
    }

    public void Generate(bool[] walls, int width, int height, IRandomSource random)
    {
        Array.Fill(walls, true);
        Array.Clear(visited);
        for (var ry = 0; ry < roomsY; ry++)
        {
            for (var rx = 0; rx < roomsX; rx++)
            {
                walls[2 * ry * width + 2 * rx] = false;
            }
        }
        Carve(walls, width, random);
        if (loops > 0)
        {
            OpenLoops(walls, width, height, random);
        }
    }

    private void Carve(bool[] walls, int width, IRandomSource random)
    {
        Span<int> options = stackalloc int[4];
        var top = 0;
        var start = random.NextInt(visited.Length);
        visited[start] = true;
        stack[top++] = start;
        while (top > 0)
        {
            var room = stack[top - 1];
            int rx = room % roomsX, ry = room / roomsX;
            var count = 0;
            if (ry > 0 && !visited[room - roomsX]) options[count++] = room - roomsX;
            if (rx < roomsX - 1 && !visited[room + 1]) options[count++] = room + 1;
            if (ry < roomsY - 1 && !visited[room + roomsX]) options[count++] = room + roomsX;
            if (rx > 0 && !visited[room - 1]) options[count++] = room - 1;
            if (count == 0)
            {
                top--;
                continue;
            }
            var next = options[random.NextInt(count)];
            int nx = next % roomsX, ny = next / roomsX;
            walls[(ry + ny) * width + (rx + nx)] = false; // the cell between the two rooms
            visited[next] = true;
            stack[top++] = next;
        }
    }

    private void OpenLoops(bool[] walls, int width, int height, IRandomSource random)
    {
        var count = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var betweenHorizontally = x % 2 == 1 && y % 2 == 0 && x + 1 < width;
                var betweenVertically = x % 2 == 0 && y % 2 == 1 && y + 1 < height;
                if ((betweenHorizontally || betweenVertically) && walls[y * width + x])
                {
                    candidates[count++] = y * width + x;
                }
            }
        }
        var open = (int)Math.Round(loops * count, MidpointRounding.AwayFromZero);
        for (var i = 0; i < open; i++)
        {
            var j = i + random.NextInt(count - i);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            walls[candidates[i]] = false;
        }
    }
}
