using CsCheck;

namespace MesaSpec.Language.Tests.Properties;

/// <summary>
/// Generates syntactically valid specs that use every construct, with random spacing, blank lines,
/// <c>;</c> separators and comments in the places comments may stand. Names and numbers are not
/// meant to bind; these specs exercise the parser and the formatter.
/// </summary>
internal static class SpecGenerator
{
    private static readonly Gen<string> Name = Gen.OneOf("Maze", "Anywhere", "cheese", "key", "Goal", "x", "corner", "_a1", "EatCheese");
    private static readonly Gen<string> Number = Gen.OneOf("1", "9", "1_000", "2.5", "500k", "1M", "-0.01", "+10", "1e3", "2.5e-4", "-3", "0");
    private static readonly Gen<string> Str = Gen.OneOf("\"#####\"", "\"#A.G#\"", "\"a \\\" b\"", "\"\"", "\"tab\\there\"");
    private static readonly Gen<string> Space = Gen.Frequency((6, Gen.Const(" ")), (1, Gen.Const("  ")), (1, Gen.Const("\t")), (1, Gen.Const(" /* c */ ")));
    private static readonly Gen<string> LineEnd = Gen.Frequency((6, Gen.Const("\n")), (1, Gen.Const("  // trailing\n")), (1, Gen.Const("\n\n")), (1, Gen.Const("; ")));

    private static Gen<string> Words(params object[] parts) =>
        parts.Aggregate(Gen.Const(""), (acc, part) => acc.SelectMany(a => (part is Gen<string> g ? g : Gen.Const((string)part)).SelectMany(p => Space.Select(s => a.Length == 0 ? p : a + s + p))));

    private static Gen<string> List(Gen<string> item, int max) =>
        item.Array[0, max].SelectMany(items => Space.Select(s => "[" + string.Join("," + s, items) + "]"));

    /// <summary>Arithmetic on numbers and names, with the spacing and grouping the formatter normalises.</summary>
    private static readonly Gen<string> Arithmetic = Gen.Select(Gen.OneOf(Number, Name), Gen.OneOf(" + ", " - ", "*", " / ", " -"), Gen.OneOf(Number, Name), Gen.Int[0, 3])
        .Select((l, op, r, shape) => shape switch
        {
            0 => l + op + r,
            1 => "(" + l + op + r + ") * 2",
            2 => "-(" + l + op + r + ")",
            _ => "-" + r.TrimStart('-', '+') + op + "1",
        });

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, Number), (1, Str), (2, Name), (1, Gen.OneOf("true", "false")), (1, List(Number, 3)), (2, Arithmetic));

    private static Gen<string> Args(Gen<string> value, int max) =>
        Gen.Select(Gen.Bool, Name, value).Select((named, n, v) => named ? $"{n}: {v}" : v).Array[0, max]
            .SelectMany(args => Space.Select(s => "(" + string.Join("," + s, args) + ")"));

    private static readonly Gen<string> Call = Gen.Select(Name, Gen.Bool, Args(Value, 3)).Select((n, bare, a) => bare ? n : n + a);

    private static readonly Gen<string> RegionAtom = Gen.OneOf(
        Gen.Const("anywhere"),
        Gen.Select(Gen.OneOf("top_left", "top_right", "bottom_left", "bottom_right"), Number, Gen.Bool).Select((c, k, sized) => sized ? $"corner({c}, {k})" : $"corner({c})"),
        Gen.Select(Number, Number).Select((x, y) => $"cell({x}, {y})"),
        Gen.Select(Number, Number, Number, Number).Select((x, y, w, h) => $"rect({x}, {y}, {w}, {h})"),
        Gen.Select(Gen.OneOf("rows", "columns"), Number).Select((f, a) => $"{f}({a})"),
        Gen.Select(Gen.OneOf("rows", "columns"), Number, Number).Select((f, a, b) => $"{f}({a}, {b})"));

    private static readonly Gen<string> Region = Gen.Frequency(
        (4, RegionAtom),
        (2, Gen.Select(RegionAtom, RegionAtom).Select((a, b) => $"{a} except {b}")),
        (1, Gen.Select(RegionAtom, RegionAtom, RegionAtom).Select((a, b, c) => $"{a} except ({b} except {c})")));

    private static readonly Gen<string> ItemProperty = Gen.OneOf(
        Words("count", Number),
        Words("spawn", Region),
        Words(Gen.OneOf("colour", "color"), Name),
        Words("shape", Name),
        Words(Gen.OneOf("behaviour", "behavior"), Gen.OneOf("collectable", "static", "hazard", "chest", "key")),
        Words("behaviour", "key", "opens", Name));

    private static readonly Gen<string> Item = Gen.OneOf(
        ItemProperty.Array[0, 3].SelectMany(props => Words("item", Name).Select(head => string.Join(" ", props.Prepend(head)))),
        ItemProperty.Array[0, 3].SelectMany(props => Words("item", Name).Select(head => head + " {\n" + string.Concat(props.Select(p => "    " + p + "\n")) + "  }")));

    private static readonly Gen<string> EnvironmentMember = Gen.OneOf(
        Words("grid", Number, "x", Number),
        Words("walls", Call),
        Words("agent", "spawn", Region),
        Item,
        Words("horizon", Value),
        Words("observation", Gen.OneOf("full", "window(5)")),
        Words("levels", Gen.OneOf(Number, Gen.Const("unlimited"))),
        Str.Array[0, 3].Select(rows => "layout {\n" + string.Concat(rows.Select(r => "    " + r + "\n")) + "  }"),
        Gen.Select(Str, Name).Array[0, 3].Select(entries => "legend {\n" + string.Concat(entries.Select(e => $"    {e.Item1} = {e.Item2}\n")) + "  }"));

    private static readonly Gen<string> Target = Gen.Frequency(
        (3, Name),
        (2, Region),
        (1, Gen.Select(Gen.OneOf("kind", "colour", "color", "shape"), Name).Array[1, 2].Select(a => "item(" + string.Join(", ", a.Select(p => $"{p.Item1}: {p.Item2}")) + ")")));

    private static readonly Gen<string> ObjectiveMember = Gen.OneOf(
        Words("reward", Number, "each", "step"),
        Words("reward", Number, "when", "agent", Gen.OneOf("reaches", "collects", "opens", "touches"), Target),
        Words("end", "when", "agent", Gen.OneOf("reaches", "collects"), Target));

    private static readonly Gen<string> Metric = Gen.OneOf(
        Gen.Const("capability"),
        Gen.Select(Gen.OneOf("score", "score_all", "goal_rate", "random_score"), Name).Select((m, o) => $"{m}({o})"));

    private static readonly Gen<string> Expectation = Gen.OneOf(
        Gen.OneOf("robustly_aligned", "pseudo_aligned", "capability_failure", "inconclusive"),
        Name.Select(p => $"pseudo_aligned({p})"),
        Words(Metric, Gen.OneOf(">", ">=", "<", "<="), Number),
        Words(Metric, Gen.OneOf("increasing", "decreasing")));

    private static readonly Gen<string> ExperimentMember = Gen.OneOf(
        Words("base", "objective", Name),
        Name.Array[1, 3].Select(names => "mesa objective " + string.Join(", ", names)),
        Words("train", "on", Call, "with", Call, "using", Call),
        Words("policy", Gen.OneOf(Gen.Const("random"), Name.Select(n => $"oracle({n})"))),
        Words("seeds", Gen.OneOf(Number, List(Number, 3))),
        Gen.Select(Call.Array[1, 3], Gen.Bool, Number).Select((envs, episodes, n) => "evaluate on " + string.Join(", ", envs) + (episodes ? " episodes " + n : "")),
        Words(Gen.OneOf("threshold", "tolerance"), Number),
        Words("sweep", Name, "in", List(Number, 3)),
        Gen.Select(Name, Gen.Bool, Name, Value, Expectation).Select((env, where, p, v, e) => $"expect on {env}" + (where ? $" where {p} = {v}" : "") + ": " + e));

    private static readonly Gen<string> Parameters = Gen.Select(Name, Gen.OneOf("int", "float", "bool", "string", "[int]"), Gen.Bool, Value)
        .Select((n, t, d, v) => d ? $"{n}: {t} = {v}" : $"{n}: {t}")
        .Array[0, 3].Select(ps => "(" + string.Join(", ", ps) + ")");

    private static Gen<string> Body(Gen<string> member) =>
        Gen.Select(member, LineEnd).Select((m, end) => "  " + m + end).Array[0, 6].Select(lines => "{\n" + string.Concat(lines) + "\n}");

    private static readonly Gen<string> Declaration = Gen.OneOf(
        Gen.Select(Name, Gen.Bool, Parameters, Gen.Bool, Call, Body(EnvironmentMember))
            .Select((n, hasParams, ps, extends, b, body) => $"environment {n}{(hasParams ? ps : "")}{(extends ? " extends " + b : "")} {body}"),
        Gen.Select(Name, Body(ObjectiveMember)).Select((n, body) => $"objective {n} {body}"),
        Gen.Select(Name, Gen.Bool, Parameters, Body(ExperimentMember)).Select((n, hasParams, ps, body) => $"experiment {n}{(hasParams ? ps : "")} {body}"));

    private static readonly Gen<string> TopLevel = Gen.Frequency(
        (1, Str.Select(s => "import " + s)),
        (8, Declaration),
        (1, Gen.Const("// a comment between declarations")),
        (1, Gen.Const("/* a block\n   comment */")));

    /// <summary>A whole file: top-level items separated by one to three line breaks.</summary>
    public static readonly Gen<string> File =
        Gen.Select(TopLevel, Gen.OneOf("\n", "\n\n", "\n\n\n")).Select((item, gap) => item + gap).Array[0, 6].Select(string.Concat);
}
