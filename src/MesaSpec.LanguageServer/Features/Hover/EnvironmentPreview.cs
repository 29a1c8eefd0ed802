using System.Globalization;
using System.Text;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Rendering;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.LanguageServer.Features.Hover;

/// <summary>
/// An environment as the gridworld will generate it: the resolved definition (after <c>extends</c> and
/// defaults) and a few sampled levels rendered as ASCII, so the author sees where each item spawns.
/// </summary>
public static class EnvironmentPreview
{
    public static EnvironmentModel? Instantiate(Compilation compilation, DeclarationSymbol environment) =>
        compilation.InstantiateEnvironment(environment);

    public static string Definition(EnvironmentModel model)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"grid {model.Width} x {model.Height}, walls {Walls(model.Walls)}, agent spawn {Region(model.AgentSpawn)}\n");
        foreach (var item in model.Items)
        {
            var attributes = string.Join(", ", new[] { item.Colour, item.Shape, item.Behaviour == ItemBehaviour.Collectable ? null : item.Behaviour.ToString().ToLowerInvariant() }.Where(a => a is not null));
            b.Append(CultureInfo.InvariantCulture, $"item {item.Kind} x{item.Count} spawn {(item.FixedCells is null ? Region(item.Spawn) : "layout")}");
            b.Append(attributes.Length > 0 ? $" ({attributes})\n" : "\n");
        }
        b.Append(CultureInfo.InvariantCulture, $"horizon {model.Horizon}, observation {(model.Observation is WindowObservation w ? $"window({w.Size})" : "full")}, levels {model.Levels?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}");
        if (model.Cue is { } cue)
        {
            b.Append(CultureInfo.InvariantCulture, $", cue {cue}");
        }
        return b.ToString();
    }

    /// <summary>Sampled levels rendered with <see cref="LevelRenderer"/>, or an explanation when generation fails.</summary>
    public static IReadOnlyList<string> SampleLevels(EnvironmentModel model, int count, long seed = 0)
    {
        try
        {
            var generator = new LevelGenerator(model);
            return [.. Enumerable.Range(0, count).Select(i => LevelRenderer.Render(generator.Generate(seed, i, LevelSeeds.SamplingSalt)))];
        }
        catch (Exception exception) when (exception is LevelGenerationException or ArgumentException or InvalidOperationException)
        {
            return [$"levels cannot be generated: {exception.Message}"];
        }
    }

    public static string Markdown(EnvironmentModel model, int levels)
    {
        var b = new StringBuilder();
        b.Append("**Resolved definition**\n```\n").Append(Definition(model)).Append("\n```\n");
        var samples = SampleLevels(model, levels);
        b.Append(CultureInfo.InvariantCulture, $"**{samples.Count} sampled level{(samples.Count == 1 ? "" : "s")}**\n");
        foreach (var sample in samples)
        {
            b.Append("```\n").Append(sample.TrimEnd('\n')).Append("\n```\n");
        }
        return b.ToString();
    }

    /// <summary>A region as the spec would write it.</summary>
    public static string Region(RegionModel region) => region switch
    {
        AnywhereRegion => "anywhere",
        CornerRegion c => c.Size == 1 ? $"corner({Snake(c.Corner)})" : $"corner({Snake(c.Corner)}, {c.Size})",
        CellRegion c => $"cell({c.X}, {c.Y})",
        RectRegion r => $"rect({r.X}, {r.Y}, {r.Width}, {r.Height})",
        RowsRegion r => r.From == r.To ? $"rows({r.From})" : $"rows({r.From}, {r.To})",
        ColumnsRegion c => c.From == c.To ? $"columns({c.From})" : $"columns({c.From}, {c.To})",
        DifferenceRegion d => $"{Region(d.Left)} except {(d.Right is DifferenceRegion ? $"({Region(d.Right)})" : Region(d.Right))}",
        UnionRegion u => string.Join(" or ", u.Parts.Select(p => p is DifferenceRegion ? $"({Region(p)})" : Region(p))),
        NearRegion n => n.Distance == 1 ? $"near({n.Anchor})" : $"near({n.Anchor}, {n.Distance})",
        OnRegion o => $"on({o.Anchor})",
        CellsRegion c => $"{c.Cells.Count} fixed cells",
        _ => region.ToString() ?? "",
    };

    private static string Snake(Corner corner) => corner switch
    {
        Corner.TopLeft => "top_left",
        Corner.TopRight => "top_right",
        Corner.BottomLeft => "bottom_left",
        _ => "bottom_right",
    };

    private static string Walls(WallsModel walls) => walls switch
    {
        NoWalls => "none",
        GeneratedWalls g => g.Generator.Arguments.Count == 0 ? g.Generator.Name
            : $"{g.Generator.Name}({string.Join(", ", g.Generator.Arguments.Select(a => $"{a.Key}: {a.Value}"))})",
        LayoutWalls => "layout",
        _ => walls.ToString() ?? "",
    };
}
