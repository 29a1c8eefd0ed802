using System.Globalization;
using System.Text;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Analysis;

/// <summary>
/// A canonical text of everything that shapes an environment's levels and episodes, leaving out its name:
/// two environments with equal fingerprints produce the same levels for the same seeds, so evaluating on
/// one after training on the other is no distributional shift.
/// </summary>
public static class EnvironmentFingerprint
{
    public static string Of(EnvironmentModel environment)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"grid {environment.Width}x{environment.Height}; horizon {environment.Horizon}; levels {environment.Levels?.ToString(CultureInfo.InvariantCulture) ?? "fresh"}; ");
        text.Append(environment.Observation switch { WindowObservation w => $"window {w.Size}", _ => "full" }).Append("; ");
        text.Append("walls ").Append(Walls(environment.Walls)).Append("; ");
        text.Append("agent ").Append(Region(environment.AgentSpawn)).Append("; ");
        foreach (var item in environment.Items)
        {
            text.Append(CultureInfo.InvariantCulture, $"item {item.Kind} x{item.Count} {item.Colour}/{item.Shape} {item.Behaviour} opens {item.Opens} ");
            text.Append(item.FixedCells is null ? Region(item.Spawn) : "fixed " + Cells(item.FixedCells));
            if (item.Movement is { } movement)
            {
                // How an item moves shapes the episodes (a leader walking another route, a slower monster): a shift.
                text.Append(" moves ").Append(movement.ToString());
            }
            text.Append("; ");
        }
        if (environment.Cue is { } cue)
        {
            // Only when present, so the fingerprints of environments without a cue are what they were.
            text.Append("cue ").Append(cue).Append("; ");
        }
        return text.ToString();
    }

    private static string Walls(WallsModel walls) => walls switch
    {
        NoWalls => "none",
        GeneratedWalls g => g.Generator.Name + "(" + string.Join(",", g.Generator.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")) + ")",
        LayoutWalls l => "layout " + string.Join("/", l.Wall.Select(row => new string(row.Select(w => w ? '#' : '.').ToArray()))),
        _ => walls.ToString() ?? "",
    };

    private static string Region(RegionModel region) => region switch
    {
        DifferenceRegion d => $"({Region(d.Left)} - {Region(d.Right)})",
        UnionRegion u => "(" + string.Join(" | ", u.Parts.Select(Region)) + ")",
        NearRegion n => $"near {n.Anchor} {n.Distance}",
        OnRegion o => $"on {o.Anchor}",
        CellsRegion cs => "cells " + Cells(cs.Cells),
        _ => region.ToString() ?? "",
    };

    private static string Cells(IEnumerable<(int X, int Y)> cells) =>
        string.Join(" ", cells.Select(c => $"{c.X},{c.Y}"));
}
