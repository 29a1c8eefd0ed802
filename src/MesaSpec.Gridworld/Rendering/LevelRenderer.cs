using System.Text;
using MesaSpec.Gridworld.Levels;

namespace MesaSpec.Gridworld.Rendering;

/// <summary>
/// ASCII picture of a level for the CLI and hover previews: '#' wall, '.' floor, 'A' agent, items by the
/// first letter of their kind (upper-cased letters other than 'A'; a digit when letters collide), followed by
/// a legend line per kind. A cell that holds several items (one placed <c>on</c> another) shows the one on top
/// (<see cref="ItemKinds.DrawingOrder"/>); the legend says which kinds can be under it.
/// </summary>
public static class LevelRenderer
{
    public static string Render(Level level) => Render(level, level.AgentCell, level.AllItems);

    /// <summary>Renders a state of the level: the agent at <paramref name="agentCell"/>, only the items in <paramref name="alive"/>.</summary>
    public static string Render(Level level, int agentCell, ulong alive)
    {
        var symbols = Symbols(level.Items);
        // Items bottom to top, so a cell that holds several shows the one on top (the cheese on its dish).
        var drawn = new char[level.CellCount];
        foreach (var item in level.Items.DrawingOrder)
        {
            if ((alive & (1UL << item)) != 0)
            {
                drawn[level.ItemCells[item]] = symbols[level.Items.KindOfItem[item]];
            }
        }
        var text = new StringBuilder();
        for (var y = 0; y < level.Height; y++)
        {
            for (var x = 0; x < level.Width; x++)
            {
                var cell = y * level.Width + x;
                text.Append(cell == agentCell ? 'A' : level.Walls[cell] ? '#' : drawn[cell] != 0 ? drawn[cell] : '.');
            }
            text.Append('\n');
        }
        text.Append("legend: A agent, # wall, . floor");
        for (var k = 0; k < level.Items.KindCount; k++)
        {
            var kind = level.Items.Kinds[k];
            text.Append(", ").Append(symbols[k]).Append(' ').Append(kind.Kind);
            var behaviour = kind.Behaviour == Language.Model.ItemBehaviour.Collectable ? null : kind.Behaviour.ToString().ToLowerInvariant();
            var stacked = kind.FixedCells is null && Language.Model.RegionMath.Stacks(kind.Spawn)
                ? "on " + string.Join(" or ", Language.Model.RegionMath.Anchors(kind.Spawn))
                : null;
            var details = string.Join(", ", new[] { kind.Colour, kind.Shape, behaviour, stacked }.Where(a => a is not null));
            if (details.Length > 0)
            {
                text.Append(" (").Append(details).Append(')');
            }
        }
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>One distinct character per kind: its first letter when free, else the next free digit.</summary>
    public static char[] Symbols(ItemKinds items)
    {
        var taken = new HashSet<char> { 'A', '#', '.' };
        var symbols = new char[items.KindCount];
        var digit = '1';
        for (var k = 0; k < items.KindCount; k++)
        {
            var name = items.Kinds[k].Kind;
            var letter = name.Length > 0 ? char.ToUpperInvariant(name[0]) : '?';
            if (!char.IsLetter(letter) || !taken.Add(letter))
            {
                while (taken.Contains(digit)) digit++;
                letter = digit <= '9' ? digit : '*';
                taken.Add(letter);
            }
            symbols[k] = letter;
        }
        return symbols;
    }
}
