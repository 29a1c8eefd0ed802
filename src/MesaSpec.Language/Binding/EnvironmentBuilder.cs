using MesaSpec.Language.Vocabulary;
using System.Runtime.CompilerServices;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Instantiates an environment at concrete argument values. <c>extends</c> is applied member by
/// member: a variant's member replaces the base's member of the same keyword, and a variant's
/// <c>item k ...</c> line replaces only the properties it states of the base's item <c>k</c>
/// (so <c>item cheese spawn anywhere</c> moves the cheese and keeps its colour).
/// Each member is evaluated in the scope of the declaration that wrote it.
/// </summary>
internal sealed class EnvironmentBuilder(DiagnosticSink sink, ComponentCatalog catalog)
{
    private const int MaxGridSide = 64;

    private sealed record Scoped<T>(T Syntax, ValueEvaluator Values);

    private sealed class Effective
    {
        public Dictionary<string, Scoped<MemberSyntax>> Members { get; } = new(StringComparer.Ordinal);
        public List<string> ItemOrder { get; } = [];
        public Dictionary<string, Dictionary<string, Scoped<ItemPropertySyntax>>> Items { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Scoped<ItemMemberSyntax>> ItemLines { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Builds the environment with <paramref name="arguments"/> bound to its parameters (defaults for the rest).
    /// Returns null when a diagnostic made the model impossible; the diagnostic says why.
    /// </summary>
    public EnvironmentModel? Build(DeclarationSymbol environment, IReadOnlyDictionary<string, Value> arguments, string displayName)
    {
        // Every experiment point evaluates its environments again; the same environment at the same
        // arguments is the same model (and its diagnostics were reported the first time), so build it once.
        // Keyed on every parameter's effective value (given, or its default), so "Maze" and
        // "Maze(corner: 1)" at the default share one model; one instance per display name, so later
        // passes can memoise per instance.
        var key = ArgumentsKey(environment, arguments);
        if (!_built.TryGetValue((environment, key, environment.Name), out var model))
        {
            var effective = new Effective();
            model = Collect(environment, arguments, effective, []) ? Evaluate(environment, effective, environment.Name) : null;
            _built[(environment, key, environment.Name)] = model;
        }
        if (model is null || model.DisplayName == displayName)
        {
            return model;
        }
        if (!_built.TryGetValue((environment, key, displayName), out var renamed))
        {
            renamed = model with { DisplayName = displayName };
            _built[(environment, key, displayName)] = renamed;
        }
        return renamed;
    }

    private readonly Dictionary<(DeclarationSymbol, string, string), EnvironmentModel?> _built = [];

    private static string ArgumentsKey(DeclarationSymbol environment, IReadOnlyDictionary<string, Value> arguments)
    {
        if (environment.Parameters.Count == 0)
        {
            return "";
        }
        var key = new System.Text.StringBuilder();
        foreach (var parameter in environment.Parameters)
        {
            key.Append(parameter.Name).Append('=');
            if ((arguments.TryGetValue(parameter.Name, out var given) ? given : DefaultOf(parameter)) is { } value)
            {
                key.Append(value.Raw.GetType().Name).Append(':').Append(value.ToString());
            }
            key.Append(';');
        }
        return key.ToString();
    }

    private bool Collect(DeclarationSymbol environment, IReadOnlyDictionary<string, Value> arguments, Effective effective, HashSet<DeclarationSymbol> visiting)
    {
        if (!visiting.Add(environment))
        {
            return false;
        }
        if (environment.Base is null && environment.Syntax.Extends is not null)
        {
            // The base is unknown or part of a cycle (both reported): anything said about the rest would be noise.
            return false;
        }
        var file = new FileDiagnostics(sink, environment.Tree);
        var scope = ScopeFor(environment, arguments, file);
        if (scope is null)
        {
            return false;
        }
        var values = new ValueEvaluator(file, scope);
        if (environment.Base is { } baseEnvironment)
        {
            // The base sees the extends clause's arguments, plus every inherited parameter the variant passes through.
            var boundByExtends = BoundByExtends(environment, baseEnvironment);
            var baseParameters = new List<(string Name, MesaType? Type, Value? Default, double? Min, double? Max, IReadOnlyList<string>? Choices)>(baseEnvironment.Parameters.Count);
            foreach (var parameter in baseEnvironment.Parameters)
            {
                var p = ToBindable(parameter);
                baseParameters.Add(scope.TryGet(p.Name, out _, out var v) && v is not null && !boundByExtends.Contains(p.Name) ? p with { Default = v } : p);
            }
            var bound = values.BindArguments(baseEnvironment.Name, environment.Syntax.Extends?.ArgumentList(), baseParameters, missingAt: environment.Syntax.Extends?.Span);
            if (bound is null || !Collect(baseEnvironment, bound, effective, visiting))
            {
                return false;
            }
        }
        foreach (var member in environment.Syntax.Members)
        {
            switch (member)
            {
                case ItemMemberSyntax item:
                    if (!effective.Items.TryGetValue(item.Kind.Text, out var properties))
                    {
                        properties = new Dictionary<string, Scoped<ItemPropertySyntax>>(StringComparer.Ordinal);
                        effective.Items[item.Kind.Text] = properties;
                        effective.ItemOrder.Add(item.Kind.Text);
                    }
                    effective.ItemLines[item.Kind.Text] = new Scoped<ItemMemberSyntax>(item, values);
                    foreach (var property in item.Properties)
                    {
                        properties[property.Keyword] = new Scoped<ItemPropertySyntax>(property, values);
                    }
                    break;
                case ErrorMemberSyntax:
                    break;
                default:
                    effective.Members[member.Keyword] = new Scoped<MemberSyntax>(member, values);
                    break;
            }
        }
        return true;
    }

    private static HashSet<string> BoundByExtends(DeclarationSymbol environment, DeclarationSymbol baseEnvironment) =>
        (environment.Syntax.Extends?.ArgumentList()?.Arguments ?? []).Select((a, i) =>
            a.Name?.Text ?? (i < baseEnvironment.Parameters.Count ? baseEnvironment.Parameters[i].Name : "")).ToHashSet(StringComparer.Ordinal);

    internal static (string Name, MesaType? Type, Value? Default, double? Min, double? Max, IReadOnlyList<string>? Choices) ToBindable(ParameterSymbol p) =>
        (p.Name, p.Type, DefaultOf(p), null, null, null);

    /// <summary>A parameter's default value (null when it has none or it is invalid, which the binder reported); evaluated once.</summary>
    internal static Value? DefaultOf(ParameterSymbol parameter) =>
        Defaults.GetValue(parameter, p => new StrongBox<Value?>(
            p.Syntax.Default is { } expression && p.Type is { } type
                ? new ValueEvaluator(new FileDiagnostics(new DiagnosticSink(), p.Owner.Tree), Scope.Empty).Evaluate(expression, type, "default")
                : null)).Value;

    private static readonly ConditionalWeakTable<ParameterSymbol, StrongBox<Value?>> Defaults = [];

    private static Scope? ScopeFor(DeclarationSymbol declaration, IReadOnlyDictionary<string, Value> arguments, FileDiagnostics file)
    {
        var entries = new List<(ParameterSymbol, Value?)>();
        foreach (var parameter in declaration.Parameters)
        {
            var value = arguments.TryGetValue(parameter.Name, out var given) ? given : DefaultOf(parameter);
            if (value is null && parameter.Syntax.Default is null)
            {
                file.Report(DiagnosticCatalog.MissingArgument(declaration.Syntax.Name.Span, declaration.Name, parameter.Name));
                return null;
            }
            entries.Add((parameter, value));
        }
        return new Scope(entries);
    }

    private EnvironmentModel? Evaluate(DeclarationSymbol environment, Effective effective, string displayName)
    {
        var ok = true;
        var file = new FileDiagnostics(sink, environment.Tree);
        T? Member<T>(string keyword) where T : MemberSyntax =>
            effective.Members.TryGetValue(keyword, out var scoped) ? scoped.Syntax as T : null;
        ValueEvaluator ValuesOf(string keyword) => effective.Members[keyword].Values;

        // Layout and legend first: a layout fixes the grid size, the walls, and may place items and the agent.
        var layout = Member<LayoutMemberSyntax>("layout");
        var legend = Member<LegendMemberSyntax>("legend");
        LayoutWalls? layoutWalls = null;
        var placed = new Dictionary<string, List<(int X, int Y)>>(StringComparer.Ordinal);
        int? width = null, height = null;
        if (layout is not null)
        {
            var layoutFile = ValuesOf("layout").Diagnostics;
            (layoutWalls, width, height) = LayoutReader.Read(layout, legend, placed, layoutFile);
            ok &= layoutWalls is not null;
        }
        else if (legend is not null)
        {
            ValuesOf("legend").Diagnostics.Report(DiagnosticCatalog.LayoutProblem(legend.Span, "a legend explains the characters of a layout, but this environment has no layout"));
        }

        if (Member<GridMemberSyntax>("grid") is { } grid)
        {
            var values = ValuesOf("grid");
            var w = values.Int(grid.Width, "the grid width", 2, MaxGridSide);
            var h = values.Int(grid.Height, "the grid height", 2, MaxGridSide);
            if (w is null || h is null)
            {
                ok = false;
            }
            else if (width is not null && (w != width || h != height))
            {
                values.Diagnostics.Report(DiagnosticCatalog.LayoutProblem(grid.Span, $"the grid is {w} x {h} but the layout is {width} x {height}"));
                ok = false;
            }
            width ??= w;
            height ??= h;
        }
        // Without a valid size the other members are still checked (a typo in the grid line must not
        // hide the rest), except what needs the size: region bounds and free space.
        var sizeKnown = width is not null && height is not null;
        if (!sizeKnown && ok && !environment.Syntax.HasUnparsedMembers)
        {
            file.Report(DiagnosticCatalog.MissingMember(environment.Syntax.Name.Span, environment.Name, "grid", "grid 9 x 9", DeclarationBinder.InsertionPoint(environment.Syntax)));
        }
        ok &= sizeKnown;
        var (gridWidth, gridHeight) = sizeKnown ? (width!.Value, height!.Value) : (MaxGridSide, MaxGridSide);

        WallsModel walls = layoutWalls ?? (WallsModel)new NoWalls();
        if (Member<WallsMemberSyntax>("walls") is { } wallsMember)
        {
            var values = ValuesOf("walls");
            if (layout is not null)
            {
                values.Diagnostics.Report(DiagnosticCatalog.LayoutProblem(wallsMember.Span, "the layout already draws the walls; remove 'walls' or the layout"));
                ok = false;
            }
            else if (wallsMember.Walls is not NameExpressionSyntax { Name.Text: "none" })
            {
                var component = ComponentBuilder.Build(wallsMember.Walls, ComponentKind.Walls, catalog, values);
                if (component is null)
                {
                    ok = false;
                }
                else
                {
                    walls = new GeneratedWalls(component);
                    if (sizeKnown && component.Descriptor is { NeedsOddGrid: true } && (gridWidth % 2 == 0 || gridHeight % 2 == 0))
                    {
                        values.Diagnostics.Report(DiagnosticCatalog.ValueOutOfRange(wallsMember.Span, $"a {component.Name}'s grid", "odd in both width and height (rooms sit on even coordinates)", $"{gridWidth} x {gridHeight}"));
                        ok = false;
                    }
                }
            }
        }

        RegionModel agentSpawn = placed.TryGetValue("agent", out var agentCells) ? new CellsRegion(agentCells) : new AnywhereRegion();
        if (Member<AgentSpawnMemberSyntax>("agent spawn") is { } spawn)
        {
            var region = BuildRegion(spawn.Region, ValuesOf("agent spawn"), gridWidth, gridHeight, environment.Name, sizeKnown);
            ok &= region is not null;
            agentSpawn = region ?? agentSpawn;
        }

        var items = new List<ItemModel>();
        foreach (var kind in effective.ItemOrder)
        {
            var item = BuildItem(kind, effective.Items[kind], placed.GetValueOrDefault(kind), gridWidth, gridHeight, environment.Name, sizeKnown);
            if (item is null)
            {
                ok = false;
                continue;
            }
            items.Add(item);
        }
        foreach (var kind in placed.Keys.Where(k => k != "agent" && !effective.Items.ContainsKey(k)))
        {
            var entry = legend!.Entries.First(e => e.Meaning.Text == kind);
            ValuesOf("legend").Diagnostics.Report(DiagnosticCatalog.UnknownItemKind(entry.Meaning.Span, kind, environment.Name,
                NameSuggestions.Closest(kind, effective.Items.Keys)));
            ok = false;
        }
        ok &= CheckKeysOpenSomething(items, effective, environment.Name);
        foreach (var item in items.Where(i => i.Moves))
        {
            var moves = effective.Items[item.Kind]["moves"];
            ok &= MovementChecks.Check(item, (MovesPropertySyntax)moves.Syntax, effective.Items[item.Kind].GetValueOrDefault("behaviour")?.Syntax, items,
                sizeKnown ? (gridWidth, gridHeight, layoutWalls) : null, moves.Values.Diagnostics);
        }

        ok &= RelativePlacementChecks.Check(environment.Name, Placements(effective, agentSpawn, items), effective.ItemOrder, environment);

        var horizon = gridWidth * gridHeight;
        if (Member<HorizonMemberSyntax>("horizon") is { } horizonMember)
        {
            var value = ValuesOf("horizon").Int(horizonMember.Horizon, "the horizon", 1, 100_000);
            ok &= value is not null;
            horizon = value ?? horizon;
        }

        ObservationModel observation = new FullObservation();
        if (Member<ObservationMemberSyntax>("observation") is { } observationMember)
        {
            var value = BuildObservation(observationMember.Observation, ValuesOf("observation"));
            ok &= value is not null;
            observation = value ?? observation;
        }

        int? levels = null;
        if (Member<LevelsMemberSyntax>("levels") is { } levelsMember && levelsMember.Levels is not NameExpressionSyntax { Name.Text: "unlimited" })
        {
            levels = ValuesOf("levels").Int(levelsMember.Levels, "the number of training levels", 1, 100_000_000);
            ok &= levels is not null;
        }

        // 'none' is not a cue: it is how a derived environment drops the one it inherits.
        var cue = Member<CueMemberSyntax>("cue")?.Cue.Text is { } word && word != EnvironmentModel.NoCue ? word : null;

        if (sizeKnown)
        {
            ok &= CheckSpace(environment, items, agentSpawn, layoutWalls, gridWidth, gridHeight, effective, file);
        }
        return ok
            ? new EnvironmentModel(environment.Name, displayName, gridWidth, gridHeight, walls, agentSpawn, items, horizon, observation, levels) { Cue = cue }
            : null;
    }

    /// <summary>The spawn regions that are relative (<c>near</c>, <c>on</c>), with the syntax each was written in.</summary>
    private static List<RelativePlacementChecks.Placement> Placements(Effective effective, RegionModel agentSpawn, List<ItemModel> items)
    {
        var placements = new List<RelativePlacementChecks.Placement>();
        if (RegionMath.IsRelative(agentSpawn) && effective.Members.TryGetValue("agent spawn", out var spawn))
        {
            placements.Add(new(RegionWords.Agent, agentSpawn, ((AgentSpawnMemberSyntax)spawn.Syntax).Region, spawn.Values.Diagnostics));
        }
        foreach (var item in items.Where(i => i.FixedCells is null && RegionMath.IsRelative(i.Spawn)))
        {
            var property = effective.Items[item.Kind]["spawn"];
            placements.Add(new(item.Kind, item.Spawn, ((SpawnPropertySyntax)property.Syntax).Region, property.Values.Diagnostics));
        }
        return placements;
    }

    private ItemModel? BuildItem(string kind, Dictionary<string, Scoped<ItemPropertySyntax>> properties, List<(int X, int Y)>? placed, int width, int height, string environment, bool sizeKnown)
    {
        var ok = true;
        var count = 1;
        RegionModel spawn = new AnywhereRegion();
        string? colour = null, shape = null, opens = null;
        var behaviour = ItemBehaviour.Collectable;
        ComponentModel? movement = null;
        foreach (var (_, scoped) in properties)
        {
            var values = scoped.Values;
            switch (scoped.Syntax)
            {
                case CountPropertySyntax c:
                    var n = values.Int(c.Count, $"the count of item {kind}", 0, 1000);
                    ok &= n is not null;
                    count = n ?? count;
                    break;
                case SpawnPropertySyntax s:
                    var region = BuildRegion(s.Region, values, width, height, environment, sizeKnown);
                    ok &= region is not null;
                    spawn = region ?? spawn;
                    break;
                case AttributePropertySyntax { Attribute: "colour" } a:
                    colour = a.Value.Text;
                    break;
                case AttributePropertySyntax a:
                    shape = a.Value.Text;
                    break;
                case BehaviourPropertySyntax b:
                    var word = BehaviourWords.Find(b.Behaviour.Text);
                    behaviour = word?.Behaviour ?? ItemBehaviour.Collectable;
                    opens = b.Opens?.Text;
                    ok &= word is not null;
                    break;
                case MovesPropertySyntax m:
                    // An unknown movement was reported by the binder's static pass.
                    movement = ComponentBuilder.Build(m.Movement, ComponentKind.Movement, catalog, values);
                    ok &= movement is not null;
                    break;
            }
        }
        if (placed is not null)
        {
            count = placed.Count;
        }
        return ok ? new ItemModel(kind, count, spawn, colour, shape, behaviour, opens, placed) { Movement = movement } : null;
    }

    private bool CheckKeysOpenSomething(List<ItemModel> items, Effective effective, string environment)
    {
        var ok = true;
        foreach (var key in items.Where(i => i.Behaviour == ItemBehaviour.Key && i.Opens is not null))
        {
            if (items.Any(i => i.Kind == key.Opens && i.Behaviour == ItemBehaviour.Chest))
            {
                continue;
            }
            var line = effective.ItemLines[key.Kind];
            line.Values.Diagnostics.Report(DiagnosticCatalog.UnknownItemKind(line.Syntax.Kind.Span, key.Opens!, environment, null) with
            {
                Message = $"key '{key.Kind}' opens '{key.Opens}', but environment '{environment}' has no chest of that kind",
            });
            ok = false;
        }
        return ok;
    }

    /// <summary>
    /// Static capacity checks: each spawn region holds its items, and the grid holds everything.
    /// Walls from a generator are unknown until a level is generated; the gridworld checks those.
    /// </summary>
    private static bool CheckSpace(DeclarationSymbol environment, List<ItemModel> items, RegionModel agentSpawn, LayoutWalls? layout, int width, int height, Effective effective, FileDiagnostics file)
    {
        // Counts up to 'enough' only: each check asks whether there is room, and the exact count is needed
        // only for the message when there is not (then the count never reaches 'enough').
        int FreeCells(RegionModel region, int enough)
        {
            var free = 0;
            for (var y = 0; y < height && free < enough; y++)
            {
                for (var x = 0; x < width && free < enough; x++)
                {
                    if ((layout is null || !layout.Wall[y][x]) && RegionMath.Contains(region, width, height, x, y))
                    {
                        free++;
                    }
                }
            }
            return free;
        }
        var ok = true;
        // A relative region's size depends on where its anchor lands; the level generator reports one that is too small.
        foreach (var item in items.Where(i => i.FixedCells is null && !RegionMath.IsRelative(i.Spawn)))
        {
            var available = FreeCells(item.Spawn, item.Count);
            if (item.Count > available)
            {
                var line = effective.ItemLines[item.Kind];
                var at = line.Syntax.Properties.OfType<SpawnPropertySyntax>().FirstOrDefault()?.Span ?? line.Syntax.Span;
                line.Values.Diagnostics.Report(DiagnosticCatalog.SpawnRegionTooSmall(at, item.Count == 1 ? $"item '{item.Kind}'" : $"the {item.Count} '{item.Kind}' items", item.Count, available, environment.Name, item.Count == 1 ? "its spawn region" : "their spawn region"));
                ok = false;
            }
        }
        // An item on others takes no cell of its own; it needs one anchor item per instance (an 'except' may remove more,
        // which the level generator reports).
        foreach (var item in items.Where(i => i.FixedCells is null && RegionMath.Stacks(i.Spawn)))
        {
            var anchors = RegionMath.Anchors(item.Spawn);
            var available = items.Where(i => anchors.Contains(i.Kind)).Sum(i => i.Count);
            // An anchor that is not an item kind was reported by RelativePlacementChecks.
            if (item.Count > available && anchors.All(a => items.Any(i => i.Kind == a)))
            {
                var line = effective.ItemLines[item.Kind];
                var at = line.Syntax.Properties.OfType<SpawnPropertySyntax>().FirstOrDefault()?.Span ?? line.Syntax.Span;
                line.Values.Diagnostics.Report(DiagnosticCatalog.SpawnOnTooFewAnchors(at, item.Kind, item.Count,
                    string.Join(" or ", anchors.Select(a => $"'{a}'")), available, environment.Name));
                ok = false;
            }
        }
        if (!RegionMath.IsRelative(agentSpawn) && FreeCells(agentSpawn, 1) == 0 && effective.Members.TryGetValue("agent spawn", out var spawn))
        {
            spawn.Values.Diagnostics.Report(DiagnosticCatalog.SpawnRegionTooSmall(spawn.Syntax.Span, "the agent", 1, 0, environment.Name));
            ok = false;
        }
        var total = items.Where(i => i.FixedCells is not null || !RegionMath.Stacks(i.Spawn)).Sum(i => i.Count) + 1;
        var cells = FreeCells(new AnywhereRegion(), total);
        if (ok && total > cells)
        {
            file.Report(DiagnosticCatalog.SpawnRegionTooSmall(environment.Syntax.Name.Span, "the agent and all items", total, cells, environment.Name, "the grid"));
            ok = false;
        }
        return ok;
    }

    private static ObservationModel? BuildObservation(ExpressionSyntax syntax, ValueEvaluator values)
    {
        switch (syntax)
        {
            case NameExpressionSyntax { Name.Text: "full" }:
                return new FullObservation();
            case CallExpressionSyntax { Name.Text: "window" } window when window.Arguments.Arguments.Length == 1:
                var size = values.Int(window.Arguments.Arguments[0].Value, "the window size", 3, 63);
                if (size is { } s && s % 2 == 0)
                {
                    values.Diagnostics.Report(DiagnosticCatalog.ValueOutOfRange(window.Arguments.Span, "the window size", "odd, so the agent sits in its centre", s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    return null;
                }
                return size is null ? null : new WindowObservation(size.Value);
            case CallExpressionSyntax { Name.Text: "window" } window:
                // The window is square: one size, not a width and a height.
                values.Diagnostics.Report(DiagnosticCatalog.WrongArgumentCount(window.Arguments.Span, "window", "one size (the window is square, e.g. window(5))", window.Arguments.Arguments.Length));
                return null;
            case NameExpressionSyntax { Name.Text: "window" }:
                values.Diagnostics.Report(DiagnosticCatalog.WrongArgumentCount(syntax.Span, "window", "one size (the window is square, e.g. window(5))", 0));
                return null;
            default:
                var word = syntax.ReferencedName()?.Text ?? "";
                values.Diagnostics.Report(DiagnosticCatalog.UnknownWord(syntax.Span, "observation", word, NameSuggestions.Closest(word, ["full", "window"]), ["full", "window(5)"]));
                return null;
        }
    }

    private static RegionModel? BuildRegion(RegionSyntax syntax, ValueEvaluator values, int width, int height, string environment, bool checkBounds)
    {
        var region = RegionBuilder.Build(syntax, values);
        if (region is not null && checkBounds && RegionMath.OutOfBounds(region, width, height) is { } problem)
        {
            values.Diagnostics.Report(DiagnosticCatalog.RegionOutsideGrid(syntax.Span, problem, environment));
            return null;
        }
        return region;
    }
}
