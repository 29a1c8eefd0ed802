using System.Globalization;
using System.Text;

namespace MesaSpec.Language.Model;

/// <summary>
/// A canonical text of a model's meaning (names of declarations excluded), so two environments can be
/// compared structurally ("does any evaluation environment differ from the training one?") and hashed
/// for caches. Records holding lists do not compare by value, hence this.
/// </summary>
public static class ModelText
{
    public static string Canonical(EnvironmentModel environment)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"grid {environment.Width}x{environment.Height};walls {Walls(environment.Walls)};agent {Region(environment.AgentSpawn)};");
        foreach (var item in environment.Items.OrderBy(i => i.Kind, StringComparer.Ordinal))
        {
            b.Append(CultureInfo.InvariantCulture, $"item {item.Kind} n={item.Count} at={Region(item.Spawn)} c={item.Colour} s={item.Shape} b={item.Behaviour} o={item.Opens}");
            if (item.Movement is { } movement)
            {
                b.Append(" moves=").Append(movement.ToString());
            }
            if (item.FixedCells is { } cells)
            {
                b.Append(" fixed=").AppendJoin(',', cells.Select(c => $"{c.X}:{c.Y}"));
            }
            b.Append(';');
        }
        b.Append(CultureInfo.InvariantCulture, $"horizon {environment.Horizon};obs {Observation(environment.Observation)};levels {environment.Levels?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}");
        if (environment.Cue is { } cue)
        {
            b.Append(";cue ").Append(cue); // only when present: the texts (and run identities) of specs without cues are unchanged
        }
        return b.ToString();
    }

    public static string Canonical(ObjectiveModel objective) =>
        string.Join(";", objective.Rewards.Select(r => $"reward {r.Amount.ToString("R", CultureInfo.InvariantCulture)} {r.Event} {Target(r.Target)}{After(r.After)}{Condition(r.Condition)}{(r.AtMost is { } n ? $" atmost {n}" : "")}")
            .Concat(objective.Ends.Select(e => $"end {e.Event} {Target(e.Target)}{After(e.After)}{Condition(e.Condition)}")));

    // Empty without 'after', so the texts of objectives without it are unchanged.
    private static string After(string? kind) => kind is null ? "" : $" after {kind}";

    private static string Condition(HoldCondition? condition) =>
        condition is null ? "" : $" {(condition.Holds ? "if" : "unless")} holds {condition.Kind}";

    public static string Region(RegionModel region) => region switch
    {
        AnywhereRegion => "anywhere",
        CornerRegion c => $"corner({c.Corner},{c.Size})",
        CellRegion c => $"cell({c.X},{c.Y})",
        RectRegion r => $"rect({r.X},{r.Y},{r.Width},{r.Height})",
        RowsRegion r => $"rows({r.From},{r.To})",
        ColumnsRegion c => $"columns({c.From},{c.To})",
        DifferenceRegion d => $"({Region(d.Left)} except {Region(d.Right)})",
        UnionRegion u => "(" + string.Join(" or ", u.Parts.Select(Region)) + ")",
        NearRegion n => $"near({n.Anchor},{n.Distance})",
        OnRegion o => $"on({o.Anchor})",
        CellsRegion cs => "cells(" + string.Join(",", cs.Cells.Select(c => $"{c.X}:{c.Y}")) + ")",
        _ => region.ToString() ?? "",
    };

    public static string Target(TargetModel? target) => target switch
    {
        null => "",
        KindTarget k => k.Kind,
        AttributeTarget a => $"item(kind={a.Kind},colour={a.Colour},shape={a.Shape})",
        RegionTarget r => Region(r.Region),
        _ => target.ToString() ?? "",
    };

    private static string Walls(WallsModel walls) => walls switch
    {
        NoWalls => "none",
        GeneratedWalls g => g.Generator.ToString(),
        LayoutWalls l => string.Join("/", l.Wall.Select(row => new string(row.Select(w => w ? '#' : '.').ToArray()))),
        _ => walls.ToString() ?? "",
    };

    private static string Observation(ObservationModel observation) => observation switch
    {
        WindowObservation w => $"window({w.Size})",
        _ => "full",
    };
}
