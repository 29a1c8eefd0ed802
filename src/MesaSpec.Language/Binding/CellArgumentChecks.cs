using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>
/// The cells a movement's arguments name (a patrol's waypoints), once the grid is known: each must lie inside the grid
/// and, when a layout draws the walls, on an open cell (MS2044 at the cell). Generated walls are unknown until a level
/// is drawn; a movement skips a waypoint it cannot reach there.
/// </summary>
internal static class CellArgumentChecks
{
    public static bool Check(ComponentModel movement, ExpressionSyntax call, int width, int height, LayoutWalls? layout, FileDiagnostics file)
    {
        var ok = true;
        foreach (var parameter in movement.Descriptor?.Parameters ?? [])
        {
            if ((parameter.Type != MesaType.Cell && parameter.Type.Element != MesaType.Cell) || !movement.Arguments.TryGetValue(parameter.Name, out var value))
            {
                continue;
            }
            var syntax = MovementChecks.ArgumentOf(movement, call, parameter.Name)?.Value;
            var cells = value.Raw is IReadOnlyList<Value> list ? list.Select(v => v.AsCell()).ToList() : [value.AsCell()];
            for (var i = 0; i < cells.Count; i++)
            {
                var at = (syntax as ListExpressionSyntax)?.Items.ElementAtOrDefault(i) ?? syntax ?? call;
                if (Problem(cells[i], width, height, layout) is { } problem)
                {
                    file.Report(DiagnosticCatalog.CellArgumentInvalid(at.Span, movement.Name, cells[i].ToString(), problem));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static string? Problem(GridCell cell, int width, int height, LayoutWalls? layout)
    {
        var index = cell.IndexOn(width, height);
        if (index < 0)
        {
            return $"lies outside the {width} x {height} grid (x from 0 to {width - 1}, y from 0 to {height - 1}, or negative from the end)";
        }
        return layout is not null && layout.Wall[index / width][index % width] ? "is a wall of the layout" : null;
    }
}
