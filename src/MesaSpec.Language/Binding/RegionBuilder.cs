using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

/// <summary>Evaluates region syntax to a <see cref="RegionModel"/>; bounds are checked by the caller against a grid.</summary>
internal static class RegionBuilder
{
    public static RegionModel? Build(RegionSyntax syntax, ValueEvaluator values)
    {
        switch (syntax)
        {
            case RegionExceptSyntax except:
                var left = Build(except.Left, values);
                var right = Build(except.Right, values);
                return left is null || right is null ? null : new DifferenceRegion(left, right);
            case RegionUnionSyntax union:
                var parts = new List<RegionModel>(union.Parts.Length);
                var complete = true;
                foreach (var part in union.Parts)
                {
                    // Every part is built, so each mistake in a union is reported, not only the first.
                    if (Build(part, values) is { } model)
                    {
                        parts.Add(model);
                    }
                    else
                    {
                        complete = false;
                    }
                }
                return complete ? new UnionRegion(parts) : null;
            case RegionCallSyntax call:
                return BuildCall(call, values);
            default:
                return null;
        }
    }

    private static RegionModel? BuildCall(RegionCallSyntax call, ValueEvaluator values)
    {
        var args = call.Arguments?.Arguments ?? [];
        var name = call.Function.Text;
        int? Arg(int i, string what) => values.Int(args[i].Value, what, -1000, 1000);

        bool Count(int min, int max)
        {
            if (args.Length >= min && args.Length <= max)
            {
                return true;
            }
            var expected = min == max ? $"{min} argument{(min == 1 ? "" : "s")}" : $"{min} to {max} arguments";
            values.Diagnostics.Report(DiagnosticCatalog.WrongArgumentCount(call.Arguments?.Span ?? call.Span, name, expected, args.Length));
            return false;
        }

        switch (name)
        {
            case "anywhere":
                return Count(0, 0) ? new AnywhereRegion() : null;
            case "corner":
                if (!Count(1, 2))
                {
                    return null;
                }
                var corner = CornerOf(args[0].Value, values);
                var size = args.Length > 1 ? Arg(1, "the corner size") : 1;
                return corner is null || size is null ? null : new CornerRegion(corner.Value, size.Value);
            case "cell":
                if (!Count(2, 2))
                {
                    return null;
                }
                var (x, y) = (Arg(0, "the column"), Arg(1, "the row"));
                return x is null || y is null ? null : new CellRegion(x.Value, y.Value);
            case "rect":
                if (!Count(4, 4))
                {
                    return null;
                }
                var r = Enumerable.Range(0, 4).Select(i => Arg(i, i < 2 ? "the rect origin" : "the rect size")).ToArray();
                return r.Any(v => v is null) ? null : new RectRegion(r[0]!.Value, r[1]!.Value, r[2]!.Value, r[3]!.Value);
            case "rows" or "columns":
                if (!Count(1, 2))
                {
                    return null;
                }
                var from = Arg(0, $"the first of the {name}");
                var to = args.Length > 1 ? Arg(1, $"the last of the {name}") : from;
                if (from is null || to is null)
                {
                    return null;
                }
                return name == "rows" ? new RowsRegion(from.Value, to.Value) : new ColumnsRegion(from.Value, to.Value);
            case RegionWords.Near:
                if (!Count(1, 2))
                {
                    return null;
                }
                // The anchor is a name (the agent or an item kind); whether the environment has it is checked once
                // its items are known (RelativePlacementChecks).
                var anchor = Anchor(args[0].Value, name, values);
                if (anchor is null)
                {
                    return null;
                }
                var distance = args.Length > 1 ? values.Int(args[1].Value, "the distance of near", 1, RegionWords.MaxNearDistance) : 1;
                return distance is null ? null : new NearRegion(anchor, distance.Value);
            case RegionWords.On:
                // The anchor is an item kind; that it is one of the environment's, and not the agent, is checked with
                // its items (RelativePlacementChecks).
                return Count(1, 1) && Anchor(args[0].Value, name, values) is { } kind ? new OnRegion(kind) : null;
            default:
                values.Diagnostics.Report(DiagnosticCatalog.UnknownWord(call.Function.Span, "region", name, NameSuggestions.Closest(name, RegionWords.Functions), RegionWords.Functions));
                return null;
        }
    }

    private static string? Anchor(ExpressionSyntax expression, string function, ValueEvaluator values)
    {
        var anchor = (expression as NameExpressionSyntax)?.Name.Text;
        if (anchor is null)
        {
            values.Diagnostics.Report(DiagnosticCatalog.NotAnAnchor(expression.Span, function));
        }
        return anchor;
    }

    private static Corner? CornerOf(ExpressionSyntax expression, ValueEvaluator values)
    {
        var word = (expression as NameExpressionSyntax)?.Name.Text ?? "";
        Corner? corner = word switch
        {
            "top_left" => Corner.TopLeft,
            "top_right" => Corner.TopRight,
            "bottom_left" => Corner.BottomLeft,
            "bottom_right" => Corner.BottomRight,
            _ => null,
        };
        if (corner is null)
        {
            values.Diagnostics.Report(DiagnosticCatalog.UnknownWord(expression.Span, "corner", word, NameSuggestions.Closest(word, RegionWords.CornerNames), RegionWords.CornerNames));
        }
        return corner;
    }
}
