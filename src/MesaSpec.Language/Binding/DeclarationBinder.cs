using MesaSpec.Language.Vocabulary;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Model;

namespace MesaSpec.Language.Binding;

/// <summary>
/// The static passes of binding: declare every name, resolve <c>extends</c> chains and parameters,
/// then resolve each reference in each member and check what needs no concrete values.
/// Instantiation (<see cref="ModelBuilder"/>) checks the rest with parameters substituted.
/// </summary>
internal sealed partial class DeclarationBinder(SymbolTable symbols, DiagnosticSink sink, ComponentCatalog catalog)
{
    private static readonly string[] Verbs = ["reaches", "collects", "opens", "touches"];
    /// <summary>The verdicts of experiments in environments (a task experiment's are <see cref="TaskVerdicts"/>).</summary>
    public static readonly string[] Verdicts = [.. VerdictWords.All.Where(w => w != VerdictWords.Word(Verdict.MesaOptimizer))];
    public static readonly string[] Trends = ["increasing", "decreasing"];
    public static readonly string[] SingleEnvironmentMembers = ["grid", "walls", "layout", "legend", "agent spawn", "horizon", "observation", "levels", "cue"];
    private static readonly string[] SingleExperimentMembers = ["base objective", "seeds", "threshold", "tolerance", "sweep"];

    public void Bind(IReadOnlyList<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            Declare(tree);
        }
        foreach (var environment in symbols.OfKind(DeclarationKind.Environment))
        {
            ResolveBase(environment);
        }
        CutCyclesAndDeepChains([.. symbols.OfKind(DeclarationKind.Environment)]);
        ResolveTaskBases();
        foreach (var declaration in symbols.Declarations)
        {
            DeclareParameters(declaration, []);
        }
        foreach (var declaration in symbols.Declarations.ToList())
        {
            var file = new FileDiagnostics(sink, declaration.Tree);
            ResolveParameterReferences(declaration);
            switch (declaration.Kind)
            {
                case DeclarationKind.Environment:
                    BindEnvironment(declaration, file);
                    break;
                case DeclarationKind.Objective:
                    BindObjective(declaration, file);
                    break;
                case DeclarationKind.Task:
                    BindTask(declaration, file);
                    break;
                case DeclarationKind.Experiment when TaskTraining(declaration.Syntax, symbols) is { } train:
                    BindTaskExperiment(declaration, train, file);
                    break;
                default:
                    BindExperiment(declaration, file);
                    break;
            }
        }
    }

    // ---------------------------------------------------------------- declarations

    private void Declare(SyntaxTree tree)
    {
        foreach (var syntax in tree.Root.Declarations)
        {
            var symbol = new DeclarationSymbol(syntax, tree);
            if (!symbols.TryDeclare(symbol))
            {
                var other = symbols.Lookup(symbol.Name)!;
                sink.Add(tree, DiagnosticCatalog.DuplicateDeclaration(syntax.Name.Span, symbol.Name, $"as {other.KindName} at {other.Location}"));
                continue;
            }
            symbols.AddReference(symbol, tree, syntax.Name.Span, isDeclaration: true);
            foreach (var item in syntax.Members.OfType<ItemMemberSyntax>())
            {
                DeclareItemKind(tree, item.Kind);
            }
            if (syntax.Kind == DeclarationKind.Environment)
            {
                foreach (var error in syntax.Members.OfType<ErrorMemberSyntax>())
                {
                    DeclareItemKindOfBrokenLine(tree, error);
                }
            }
        }
    }

    private void DeclareItemKind(SyntaxTree tree, IdentifierSyntax name)
    {
        var kind = symbols.ItemKind(name.Text);
        kind.Declarations.Add(new SourceLocation(tree, name.Span));
        symbols.AddReference(kind, tree, name.Span, isDeclaration: true);
    }

    /// <summary>
    /// Recovery: <c>item cheese spawn corner(top_right 1)</c> fails to parse, but it still says that
    /// the environment has cheese. Declaring the kind keeps one typo from turning every objective
    /// that mentions cheese into an "unknown item kind" error.
    /// </summary>
    private void DeclareItemKindOfBrokenLine(SyntaxTree tree, ErrorMemberSyntax error)
    {
        var text = tree.Text.ToString(error.Span);
        var match = BrokenItemLine().Match(text);
        if (match.Success)
        {
            var group = match.Groups[1];
            DeclareItemKind(tree, new IdentifierSyntax(group.Value, new Text.TextSpan(error.Span.Start + group.Index, group.Length)));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^item[ \t]+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial System.Text.RegularExpressions.Regex BrokenItemLine();

    /// <summary>Longest <c>extends</c> chain; the binder and the environment builder follow chains recursively.</summary>
    public const int MaxExtendsDepth = 64;

    private void ResolveBase(DeclarationSymbol environment)
    {
        if (environment.Syntax.Extends?.ReferencedName() is { } baseName)
        {
            environment.Base = Resolve(environment, baseName, DeclarationKind.Environment);
        }
    }

    /// <summary>
    /// Cuts cycles (MS2008, reported once at the declaration that closes one) and chains deeper than
    /// <see cref="MaxExtendsDepth"/> (MS2022) in one linear pass: each environment's depth is computed
    /// once, walking up only to the first environment whose depth is already known.
    /// </summary>
    private void CutCyclesAndDeepChains(IReadOnlyList<DeclarationSymbol> environments)
    {
        var order = new Dictionary<DeclarationSymbol, int>(ReferenceEqualityComparer.Instance);
        foreach (var environment in environments)
        {
            order[environment] = order.Count;
        }
        var depth = new Dictionary<DeclarationSymbol, int>(ReferenceEqualityComparer.Instance);
        foreach (var start in environments)
        {
            List<DeclarationSymbol> path;
            DeclarationSymbol? current;
            while (!WalkToKnownDepth(start, depth, out path, out current, out var cycle))
            {
                // Cut the cycle at its last declaration, the one that closed it; then walk again.
                var closing = cycle.MaxBy(e => order.GetValueOrDefault(e, -1))!;
                List<string> names = [closing.Name];
                for (var e = closing.Base; e is not null && e != closing; e = e.Base)
                {
                    names.Add(e.Name);
                }
                names.Add(closing.Name);
                sink.Add(closing.Tree, DiagnosticCatalog.ExtendsCycle(ExtendsNameSpan(closing), names));
                closing.Base = null;
            }
            var d = current is null ? -1 : depth[current];
            for (var i = path.Count - 1; i >= 0; i--)
            {
                d++;
                if (d > MaxExtendsDepth)
                {
                    sink.Add(path[i].Tree, DiagnosticCatalog.ExtendsChainTooLong(ExtendsNameSpan(path[i]), path[i].Name, MaxExtendsDepth));
                    path[i].Base = null;
                    d = 0;
                }
                depth[path[i]] = d;
            }
        }
    }

    /// <summary>Follows bases from <paramref name="start"/> until one of known depth (or none); false, with the cycle, if it loops.</summary>
    private static bool WalkToKnownDepth(DeclarationSymbol start, Dictionary<DeclarationSymbol, int> depth,
        out List<DeclarationSymbol> path, out DeclarationSymbol? known, out List<DeclarationSymbol> cycle)
    {
        path = [];
        cycle = [];
        var onPath = new Dictionary<DeclarationSymbol, int>(ReferenceEqualityComparer.Instance);
        known = start;
        while (known is not null && !depth.ContainsKey(known))
        {
            if (onPath.TryGetValue(known, out var cycleStart))
            {
                cycle = path[cycleStart..];
                return false;
            }
            onPath[known] = path.Count;
            path.Add(known);
            known = known.Base;
        }
        return true;
    }

    private static Text.TextSpan ExtendsNameSpan(DeclarationSymbol environment) =>
        environment.Syntax.Extends?.ReferencedName()?.Span ?? environment.Syntax.Name.Span;

    /// <summary>Own parameters first, then (environments) the base's parameters that the extends clause does not bind.</summary>
    private void DeclareParameters(DeclarationSymbol declaration, HashSet<DeclarationSymbol> visiting)
    {
        if (declaration.Parameters.Count > 0 || !visiting.Add(declaration))
        {
            return;
        }
        var file = new FileDiagnostics(sink, declaration.Tree);
        foreach (var parameter in declaration.Syntax.Parameters?.Parameters ?? [])
        {
            var type = MesaType.FromSyntax(parameter.Type.Name, parameter.Type.IsList);
            if (type is null)
            {
                file.Report(DiagnosticCatalog.UnknownWord(parameter.Type.Span, "type", parameter.Type.Name,
                    NameSuggestions.Closest(parameter.Type.Name, ["int", "float", "bool", "string"]), ["int", "float", "bool", "string", "[int]", "[float]"]));
            }
            if (declaration.Parameters.Any(p => p.Name == parameter.Name.Text))
            {
                file.Report(DiagnosticCatalog.DuplicateDeclaration(parameter.Name.Span, parameter.Name.Text, "as a parameter of the same declaration"));
                continue;
            }
            var symbol = new ParameterSymbol(parameter, declaration, type);
            declaration.Parameters.Add(symbol);
            symbols.AddReference(symbol, declaration.Tree, parameter.Name.Span, isDeclaration: true);
            if (parameter.Default is { } defaultValue && type is not null)
            {
                new ValueEvaluator(file, Scope.Empty).Evaluate(defaultValue, type, $"the default of '{parameter.Name.Text}'");
            }
        }
        if (declaration.Base is { } baseEnvironment)
        {
            DeclareParameters(baseEnvironment, visiting);
            var bound = (declaration.Syntax.Extends?.ArgumentList()?.Arguments ?? [])
                .Select((a, i) => a.Name?.Text ?? (i < baseEnvironment.Parameters.Count ? baseEnvironment.Parameters[i].Name : ""))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var inherited in baseEnvironment.Parameters)
            {
                if (!bound.Contains(inherited.Name) && declaration.Parameters.All(p => p.Name != inherited.Name))
                {
                    declaration.Parameters.Add(inherited);
                }
            }
        }
    }

    /// <summary>Every bare name matching a parameter in scope is a reference to it (for navigation and rename).</summary>
    private void ResolveParameterReferences(DeclarationSymbol declaration)
    {
        var byName = declaration.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        // Most declarations have no parameters: then no member can refer to one.
        foreach (var member in byName.Count == 0 ? [] : declaration.Syntax.Members)
        {
            // A reference's name is in the member's text: a member that mentions no parameter has none to walk for.
            if (!MentionsAny(declaration.Tree, member.Span, byName.Keys))
            {
                continue;
            }
            foreach (var name in member.DescendantsAndSelf().OfType<NameExpressionSyntax>())
            {
                if (byName.TryGetValue(name.Name.Text, out var parameter))
                {
                    symbols.AddReference(parameter, declaration.Tree, name.Span);
                }
            }
        }
        if (declaration.Syntax.Extends?.ArgumentList() is { } extendsArguments && declaration.Base is { } baseEnvironment)
        {
            foreach (var name in extendsArguments.DescendantsAndSelf().OfType<NameExpressionSyntax>())
            {
                if (byName.TryGetValue(name.Name.Text, out var parameter))
                {
                    symbols.AddReference(parameter, declaration.Tree, name.Span);
                }
            }
            ReferenceArgumentNames(extendsArguments, baseEnvironment, declaration.Tree);
        }
    }

    private static bool MentionsAny(SyntaxTree tree, Text.TextSpan span, IEnumerable<string> names)
    {
        var text = tree.Text.Text.AsSpan(span.Start, span.Length);
        foreach (var name in names)
        {
            if (text.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- environments

    private void BindEnvironment(DeclarationSymbol environment, FileDiagnostics file)
    {
        ReportDuplicateMembers(environment.Syntax, file, SingleEnvironmentMembers);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in environment.Syntax.Members)
        {
            switch (member)
            {
                case ItemMemberSyntax item:
                    if (!kinds.Add(item.Kind.Text))
                    {
                        file.Report(DiagnosticCatalog.DuplicateMember(item.Span, $"item {item.Kind.Text}"));
                    }
                    BindItem(item, environment, file);
                    break;
                case WallsMemberSyntax walls:
                    BindComponentName(walls.Walls, ComponentKind.Walls, file, environment.Tree, allowWords: ["none"]);
                    break;
                case LegendMemberSyntax legend:
                    foreach (var entry in legend.Entries)
                    {
                        if (entry.Meaning.Text is not ("wall" or "floor" or "agent"))
                        {
                            ReferenceItemKind(entry.Meaning, environment.Tree, file);
                        }
                    }
                    break;
            }
        }
        if (environment.Base is null && !environment.Syntax.Members.Any(m => m is GridMemberSyntax or LayoutMemberSyntax) && environment.Syntax.Extends is null && !environment.Syntax.HasUnparsedMembers)
        {
            file.Report(DiagnosticCatalog.MissingMember(environment.Syntax.Name.Span, environment.Name, "grid", "grid 9 x 9", InsertionPoint(environment.Syntax)));
        }
    }

    private void BindItem(ItemMemberSyntax item, DeclarationSymbol environment, FileDiagnostics file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in item.Properties)
        {
            if (!seen.Add(property.Keyword))
            {
                file.Report(DiagnosticCatalog.DuplicateMember(property.Span, $"{property.Keyword} of item {item.Kind.Text}"));
            }
            if (property is MovesPropertySyntax moves)
            {
                BindComponentName(moves.Movement, ComponentKind.Movement, file, environment.Tree, allowWords: []);
            }
            if (property is BehaviourPropertySyntax behaviour)
            {
                var word = BehaviourWords.Find(behaviour.Behaviour.Text);
                if (word is null)
                {
                    file.Report(DiagnosticCatalog.UnknownWord(behaviour.Behaviour.Span, "behaviour", behaviour.Behaviour.Text,
                        NameSuggestions.Closest(behaviour.Behaviour.Text, BehaviourWords.Words), BehaviourWords.Words));
                }
                if (behaviour.Opens is { } opens)
                {
                    if (word is { Opens: false })
                    {
                        file.Report(DiagnosticCatalog.UnexpectedInput(opens.Span, "only a key opens something: write 'behaviour key opens chest'"));
                    }
                    ReferenceItemKind(opens, environment.Tree, file);
                }
            }
        }
    }

    // ---------------------------------------------------------------- objectives

    private void BindObjective(DeclarationSymbol objective, FileDiagnostics file)
    {
        foreach (var member in objective.Syntax.Members)
        {
            var condition = member switch
            {
                RewardMemberSyntax r => r.Condition,
                EndMemberSyntax e => e.Condition,
                _ => null,
            };
            if (condition is not null)
            {
                BindHoldCondition(condition, objective.Tree, file);
            }
            if (member switch { RewardMemberSyntax r => r.After, EndMemberSyntax e => e.After, _ => null } is { } after)
            {
                BindAfter(after, objective.Tree, file);
            }
            var clause = member switch
            {
                RewardMemberSyntax r => r.Event,
                EndMemberSyntax e => e.Event,
                _ => null,
            };
            if (clause is null)
            {
                continue;
            }
            if (!Verbs.Contains(clause.Verb.Text))
            {
                file.Report(DiagnosticCatalog.UnknownWord(clause.Verb.Span, "event", clause.Verb.Text, NameSuggestions.Closest(clause.Verb.Text, Verbs), Verbs));
            }
            else if (clause.Verb.Text != "reaches" && clause.Target is RegionTargetSyntax)
            {
                file.Report(DiagnosticCatalog.UnexpectedInput(clause.Target.Span, $"a region can only be reached; '{clause.Verb.Text}' needs an item"));
            }
            switch (clause.Target)
            {
                case KindTargetSyntax kind:
                    ReferenceItemKind(kind.Kind, objective.Tree, file);
                    break;
                case AttributeTargetSyntax attributes:
                    BindAttributeTarget(attributes, objective.Tree, file);
                    break;
            }
        }
        if (!objective.Syntax.Members.OfType<RewardMemberSyntax>().Any() && !objective.Syntax.HasUnparsedMembers)
        {
            file.Report(DiagnosticCatalog.MissingMember(objective.Syntax.Name.Span, objective.Name, "reward", "reward +1 when agent reaches goal", InsertionPoint(objective.Syntax)));
        }
    }

    /// <summary><c>unless agent holds shield</c>: the kind must exist, and some environment must let the agent hold it.</summary>
    private void BindHoldCondition(HoldConditionSyntax condition, SyntaxTree tree, FileDiagnostics file)
    {
        if (!ReferenceKnownItemKind(condition.Kind, tree, file))
        {
            return;
        }
        var held = ItemLineBehaviours(condition.Kind.Text).Any(l => l.Named?.IsHeld() == true);
        if (!held)
        {
            file.Report(DiagnosticCatalog.ConditionNeverHeld(condition.Kind.Span, condition.Kind.Text));
        }
    }

    /// <summary><c>after apple</c>: the kind must exist, and some environment must have items of it that can go (not static, not hazards).</summary>
    private void BindAfter(AfterSyntax after, SyntaxTree tree, FileDiagnostics file)
    {
        if (!ReferenceKnownItemKind(after.Kind, tree, file))
        {
            return;
        }
        // A line without a behaviour is collectable (which can go) in an environment that extends nothing, and
        // whatever it inherits otherwise (its base's line answers for it).
        var canGo = ItemLineBehaviours(after.Kind.Text).Any(l => l.Named is { } named ? named.CanGo() : l.InRoot);
        if (!canGo)
        {
            file.Report(DiagnosticCatalog.AfterKindNeverGoes(after.Kind.Span, after.Kind.Text));
        }
    }

    /// <summary>References the kind (MS2001 when no environment declares it); whether it is declared.</summary>
    private bool ReferenceKnownItemKind(IdentifierSyntax kind, SyntaxTree tree, FileDiagnostics file)
    {
        var known = symbols.ItemKinds.ContainsKey(kind.Text);
        ReferenceItemKind(kind, tree, file);
        return known;
    }

    /// <summary>Every <c>item</c> line of the kind in any environment: the behaviour it names (null: none), and whether its environment extends nothing.</summary>
    private IEnumerable<(ItemBehaviour? Named, bool InRoot)> ItemLineBehaviours(string kind) =>
        symbols.OfKind(DeclarationKind.Environment).SelectMany(e => e.Syntax.Members.OfType<ItemMemberSyntax>()
            .Where(i => i.Kind.Text == kind)
            .Select(i => (i.Properties.OfType<BehaviourPropertySyntax>().Select(b => BehaviourWords.Find(b.Behaviour.Text)?.Behaviour).FirstOrDefault(),
                e.Syntax.Extends is null)));

    private void BindAttributeTarget(AttributeTargetSyntax target, SyntaxTree tree, FileDiagnostics file)
    {
        string[] attributes = ["kind", "colour", "color", "shape"];
        foreach (var argument in target.Attributes.Arguments)
        {
            if (argument.Name is null || !attributes.Contains(argument.Name.Text))
            {
                var at = argument.Name?.Span ?? argument.Span;
                file.Report(DiagnosticCatalog.UnknownArgument(at, "item", argument.Name?.Text ?? "(positional)",
                    argument.Name is null ? null : NameSuggestions.Closest(argument.Name.Text, attributes), ["kind", "colour", "shape"]));
                continue;
            }
            if (argument.Value is not NameExpressionSyntax value)
            {
                file.Report(DiagnosticCatalog.TypeMismatch(argument.Value.Span, "a name such as red or square", "something else", $"'{argument.Name.Text}'"));
                continue;
            }
            if (argument.Name.Text == "kind")
            {
                ReferenceItemKind(value.Name, tree, file);
            }
        }
    }

    // ---------------------------------------------------------------- experiments

    private void BindExperiment(DeclarationSymbol experiment, FileDiagnostics file)
    {
        var syntax = experiment.Syntax;
        ReportDuplicateMembers(syntax, file, SingleExperimentMembers);
        var mesa = new HashSet<string>(StringComparer.Ordinal);
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        string? baseName = null;
        SweepMemberSyntax? sweep = null;
        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case BaseObjectiveMemberSyntax b:
                    Resolve(experiment, b.Objective, DeclarationKind.Objective);
                    baseName = b.Objective.Text;
                    break;
                case MesaObjectiveMemberSyntax m:
                    foreach (var name in m.Objectives)
                    {
                        Resolve(experiment, name, DeclarationKind.Objective);
                        mesa.Add(name.Text);
                    }
                    break;
                case TrainMemberSyntax t:
                    ResolveTrainingDistribution(experiment, t.Environment, file);
                    BindComponentName(t.Model, ComponentKind.Model, file, experiment.Tree, allowWords: [], forTasks: false);
                    BindComponentName(t.Algorithm, ComponentKind.Algorithm, file, experiment.Tree, allowWords: [], forTasks: false);
                    CheckComponentForEnvironments(t.Model, ComponentKind.Model, file);
                    CheckComponentForEnvironments(t.Algorithm, ComponentKind.Algorithm, file);
                    if (t.Objective is { } trainObjective)
                    {
                        Resolve(experiment, trainObjective, DeclarationKind.Objective);
                    }
                    BindCurriculum(t.Curriculum, file, experiment.Tree);
                    break;
                case ThenTrainMemberSyntax then:
                    BindPhase(experiment, then, file);
                    break;
                case PolicyMemberSyntax p:
                    BindPolicy(experiment, p, file);
                    break;
                case EvaluateMemberSyntax e:
                    foreach (var environment in e.Environments)
                    {
                        ResolveEnvironmentReference(experiment, environment, file);
                        if (environment.ReferencedName() is { } name)
                        {
                            evaluated.Add(name.Text);
                        }
                    }
                    break;
                case SweepMemberSyntax s:
                    sweep ??= s;
                    if (experiment.Parameters.FirstOrDefault(p => p.Name == s.Parameter.Text) is { } parameter)
                    {
                        symbols.AddReference(parameter, experiment.Tree, s.Parameter.Span);
                    }
                    else
                    {
                        file.Report(DiagnosticCatalog.SweepParameterUnknown(s.Parameter.Span, s.Parameter.Text, experiment.Name));
                    }
                    break;
            }
        }
        var candidates = mesa.Append(baseName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        BindProbes(experiment, candidates, file);
        foreach (var expect in syntax.Members.OfType<ExpectMemberSyntax>())
        {
            BindExpectation(experiment, expect, evaluated, mesa, candidates, sweep, file);
        }
        // A member that did not parse may be the one that looks missing: say nothing that follows from unparsed text.
        var complete = !syntax.HasUnparsedMembers;
        if (baseName is null && complete)
        {
            file.Report(DiagnosticCatalog.MissingMember(syntax.Name.Span, experiment.Name, "base objective", "base objective MyObjective", InsertionPoint(syntax)));
        }
        var trains = syntax.Members.OfType<TrainMemberSyntax>().ToList();
        var policies = syntax.Members.OfType<PolicyMemberSyntax>().ToList();
        if (trains.Count + policies.Count == 0 && complete)
        {
            file.Report(DiagnosticCatalog.PolicySourceMissing(syntax.Name.Span, experiment.Name, InsertionPoint(syntax)));
        }
        foreach (var extra in trains.Cast<MemberSyntax>().Concat(policies).OrderBy(m => m.Span.Start).Skip(1))
        {
            file.Report(DiagnosticCatalog.DuplicateMember(extra.Span, "train on / policy"));
        }
        if (!syntax.Members.OfType<EvaluateMemberSyntax>().Any() && complete)
        {
            file.Report(DiagnosticCatalog.MissingMember(syntax.Name.Span, experiment.Name, "evaluate on", "evaluate on MyEnvironment episodes 200", InsertionPoint(syntax)));
        }
        if (mesa.Count == 0 && complete)
        {
            file.Report(DiagnosticCatalog.NoMesaObjective(syntax.Name.Span, experiment.Name));
        }
    }

    private void BindPolicy(DeclarationSymbol experiment, PolicyMemberSyntax policy, FileDiagnostics file)
    {
        switch (policy.Policy)
        {
            case NameExpressionSyntax { Name.Text: "random" }:
                break;
            case CallExpressionSyntax { Name.Text: "oracle" } oracle:
                if (oracle.Arguments.Arguments is [{ Name: null, Value: NameExpressionSyntax objective }])
                {
                    Resolve(experiment, objective.Name, DeclarationKind.Objective);
                }
                else
                {
                    file.Report(DiagnosticCatalog.WrongArgumentCount(oracle.Arguments.Span, "oracle", "exactly one objective name", oracle.Arguments.Arguments.Length));
                }
                break;
            default:
                var word = policy.Policy.ReferencedName()?.Text ?? "";
                file.Report(DiagnosticCatalog.UnknownWord(policy.Policy.Span, "policy", word, NameSuggestions.Closest(word, ["random", "oracle"]), ["random", "oracle(Objective)"]));
                break;
        }
    }

    private void BindExpectation(
        DeclarationSymbol experiment,
        ExpectMemberSyntax expect,
        HashSet<string> evaluated,
        HashSet<string> mesa,
        HashSet<string> candidates,
        SweepMemberSyntax? sweep,
        FileDiagnostics file)
    {
        if (expect.Environment is null)
        {
            if (expect.Expectation is not VerdictExpectationSyntax)
            {
                file.Report(DiagnosticCatalog.UnexpectedInput(expect.Expectation.Span,
                    "only a verdict can be expected of the whole experiment; a metric is measured on one environment: write 'expect on ENVIRONMENT: ...'"));
            }
        }
        else if (Resolve(experiment, expect.Environment, DeclarationKind.Environment) is not null && !evaluated.Contains(expect.Environment.Text))
        {
            var evaluate = experiment.Syntax.Members.OfType<EvaluateMemberSyntax>().FirstOrDefault();
            var fix = evaluate is null ? null : new CodeFix($"Evaluate on '{expect.Environment.Text}' too",
                [new TextEdit(new Text.TextSpan(evaluate.Environments[^1].Span.End, 0), ", " + expect.Environment.Text)]);
            file.Report(DiagnosticCatalog.ExpectationOnUnevaluatedEnvironment(expect.Environment.Span, expect.Environment.Text, fix));
        }
        if (expect.WhereParameter is { } where)
        {
            if (sweep is null || sweep.Parameter.Text != where.Text)
            {
                file.Report(DiagnosticCatalog.SweepExpectationWithoutSweep(where.Span,
                    sweep is null ? $"'where {where.Text} = ...' selects a point of a sweep, but this experiment has no sweep" : $"the experiment sweeps '{sweep.Parameter.Text}', not '{where.Text}'"));
            }
            else if (experiment.Parameters.FirstOrDefault(p => p.Name == where.Text) is { } parameter)
            {
                symbols.AddReference(parameter, experiment.Tree, where.Span);
            }
        }
        switch (expect.Expectation)
        {
            case VerdictExpectationSyntax verdict:
                if (TaskVerdictInEnvironmentExperiment(verdict, file))
                {
                    break;
                }
                if (!Verdicts.Contains(verdict.Verdict.Text))
                {
                    file.Report(DiagnosticCatalog.UnknownWord(verdict.Verdict.Span, "verdict", verdict.Verdict.Text, NameSuggestions.Closest(verdict.Verdict.Text, Verdicts), Verdicts));
                }
                else if (verdict.Proxy is { } proxy)
                {
                    if (verdict.Verdict.Text != VerdictWords.Word(Verdict.PseudoAligned))
                    {
                        file.Report(DiagnosticCatalog.UnexpectedInput(proxy.Span, $"only {VerdictWords.Word(Verdict.PseudoAligned)} names a proxy; '{verdict.Verdict.Text}' takes none"));
                    }
                    else if (Resolve(experiment, proxy, DeclarationKind.Objective) is not null && !mesa.Contains(proxy.Text))
                    {
                        var suggestion = NameSuggestions.Closest(proxy.Text, mesa) ?? (mesa.Count == 1 ? mesa.First() : null);
                        file.Report(DiagnosticCatalog.ProxyNotAMesaObjective(proxy.Span, proxy.Text,
                            suggestion is null ? null : new CodeFix($"Change to '{suggestion}'", [new TextEdit(proxy.Span, suggestion)])));
                    }
                }
                break;
            case MetricComparisonSyntax comparison when IsProbeMetric(comparison.Metric):
                BindProbeExpectation(experiment, comparison, file);
                break;
            case MetricComparisonSyntax comparison:
                BindMetric(experiment, comparison.Metric, candidates, file);
                break;
            case MetricTrendSyntax trend when IsProbeMetric(trend.Metric):
                file.Report(DiagnosticCatalog.ProbeComparison(trend.Trend.Span, $"a probe's score has no trend '{trend.Trend.Text}'"));
                break;
            case MetricTrendSyntax trend:
                BindMetric(experiment, trend.Metric, candidates, file);
                if (!Trends.Contains(trend.Trend.Text))
                {
                    file.Report(DiagnosticCatalog.UnknownWord(trend.Trend.Span, "trend or comparison", trend.Trend.Text, NameSuggestions.Closest(trend.Trend.Text, Trends), [">", ">=", "<", "<=", .. Trends]));
                }
                else if (sweep is null)
                {
                    file.Report(DiagnosticCatalog.SweepExpectationWithoutSweep(trend.Trend.Span, $"'{trend.Trend.Text}' describes a metric across a sweep, but this experiment has no sweep"));
                }
                break;
        }
    }

    private void BindMetric(DeclarationSymbol experiment, MetricSyntax metric, HashSet<string> candidates, FileDiagnostics file)
    {
        if (catalog.Find(ComponentKind.Metric, metric.Name.Text) is not { } descriptor)
        {
            var metrics = catalog.OfKind(ComponentKind.Metric).Select(m => m.Name).ToList();
            file.Report(DiagnosticCatalog.UnknownWord(metric.Name.Span, "metric", metric.Name.Text, NameSuggestions.Closest(metric.Name.Text, metrics), metrics));
            return;
        }
        var needsObjective = descriptor.TakesObjective;
        if (needsObjective != (metric.Objective is not null))
        {
            file.Report(DiagnosticCatalog.WrongArgumentCount(metric.Span, metric.Name.Text, needsObjective ? "one objective" : "no objective", metric.Objective is null ? 0 : 1));
            return;
        }
        if (metric.Objective is { } objective && Resolve(experiment, objective, DeclarationKind.Objective) is not null && !candidates.Contains(objective.Text))
        {
            file.Report(DiagnosticCatalog.MetricObjectiveNotACandidate(objective.Span, objective.Text));
        }
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A training phase's levels: an environment reference, or a mixture of them (each resolved).</summary>
    private void ResolveTrainingDistribution(DeclarationSymbol from, ExpressionSyntax distribution, FileDiagnostics file)
    {
        if (distribution is not MixtureExpressionSyntax mixture)
        {
            ResolveEnvironmentReference(from, distribution, file);
            return;
        }
        if (mixture.Components.IsEmpty)
        {
            file.Report(DiagnosticCatalog.MixtureWeightsInvalid(mixture.Span, "a mixture needs at least one environment"));
        }
        foreach (var component in mixture.Components)
        {
            ResolveEnvironmentReference(from, component.Environment, file);
        }
    }

    /// <summary><c>then train on ...</c>: it fine-tunes a trained model, so it needs a <c>train on</c> line before it.</summary>
    private void BindPhase(DeclarationSymbol experiment, ThenTrainMemberSyntax then, FileDiagnostics file)
    {
        if (!experiment.Syntax.Members.TakeWhile(m => m != then).OfType<TrainMemberSyntax>().Any())
        {
            file.Report(DiagnosticCatalog.PhaseWithoutTraining(then.Span,
                experiment.Syntax.Members.OfType<PolicyMemberSyntax>().Any() ? "a reference policy is not trained" : "no 'train on' line comes before it"));
        }
        ResolveTrainingDistribution(experiment, then.Environment, file);
        if (then.Objective is { } objective)
        {
            Resolve(experiment, objective, DeclarationKind.Objective);
        }
        if (then.Algorithm is { } algorithm)
        {
            BindComponentName(algorithm, ComponentKind.Algorithm, file, experiment.Tree, allowWords: [], forTasks: false);
            CheckComponentForEnvironments(algorithm, ComponentKind.Algorithm, file);
        }
        BindCurriculum(then.Curriculum, file, experiment.Tree);
    }

    private void BindCurriculum(ExpressionSyntax? curriculum, FileDiagnostics file, SyntaxTree tree)
    {
        if (curriculum is not null)
        {
            BindComponentName(curriculum, ComponentKind.Curriculum, file, tree, allowWords: []);
        }
    }

    private void ResolveEnvironmentReference(DeclarationSymbol from, ExpressionSyntax reference, FileDiagnostics file)
    {
        if (reference.ReferencedName() is not { } name)
        {
            file.Report(DiagnosticCatalog.TypeMismatch(reference.Span, "an environment name, e.g. Maze or Maze(corner: 3)", "a value", "this"));
            return;
        }
        if (Resolve(from, name, DeclarationKind.Environment) is { } environment && reference.ArgumentList() is { } arguments)
        {
            ReferenceArgumentNames(arguments, environment, from.Tree);
        }
    }

    private void ReferenceArgumentNames(Syntax.ArgumentListSyntax arguments, DeclarationSymbol target, SyntaxTree tree)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Name is { } name && target.Parameters.FirstOrDefault(p => p.Name == name.Text) is { } parameter)
            {
                symbols.AddReference(parameter, tree, name.Span);
            }
        }
    }

    /// <param name="forTasks">Name only the components of this kind of experiment as the valid ones (null: all).</param>
    private void BindComponentName(ExpressionSyntax call, ComponentKind kind, FileDiagnostics file, SyntaxTree tree, string[] allowWords, bool? forTasks = null)
    {
        if (call.ReferencedName() is not { } name)
        {
            file.Report(DiagnosticCatalog.TypeMismatch(call.Span, $"a {kind.ToString().ToLowerInvariant()} component such as {string.Join(", ", catalog.OfKind(kind).Select(c => c.Name))}", "a value", "this"));
            return;
        }
        if (call is NameExpressionSyntax && allowWords.Contains(name.Text))
        {
            return;
        }
        if (catalog.Find(kind, name.Text) is { } descriptor)
        {
            symbols.AddReference(new ComponentSymbol(descriptor), tree, name.Span);
            return;
        }
        var valid = catalog.OfKind(kind).Where(c => forTasks is null || c.ForTasks == forTasks).Select(c => c.Name).Concat(allowWords).ToList();
        file.Report(DiagnosticCatalog.UnknownComponent(name.Span, kind.ToString().ToLowerInvariant(), name.Text, NameSuggestions.Closest(name.Text, valid), valid));
    }

    private void ReferenceItemKind(IdentifierSyntax name, SyntaxTree tree, FileDiagnostics file)
    {
        if (symbols.ItemKinds.TryGetValue(name.Text, out var kind))
        {
            symbols.AddReference(kind, tree, name.Span);
            return;
        }
        file.Report(DiagnosticCatalog.UnknownName(name.Span, "item kind", name.Text, NameSuggestions.Closest(name.Text, symbols.ItemKinds.Keys), "no environment declares it"));
    }

    /// <summary>Resolves a declaration name of an expected kind, reporting unknown names and wrong kinds.</summary>
    private DeclarationSymbol? Resolve(DeclarationSymbol from, IdentifierSyntax name, DeclarationKind expected)
    {
        var symbol = symbols.Lookup(name.Text);
        var expectedText = expected.ToString().ToLowerInvariant();
        if (symbol is null)
        {
            var suggestion = NameSuggestions.Closest(name.Text, symbols.OfKind(expected).Select(s => s.Name));
            // mix(...) outside `train on` parses as a call of an environment named mix: say what a mixture is for.
            var detail = expected == DeclarationKind.Environment && name.Text == Parsing.MemberParsers.MixtureWord
                ? "a mixture is a training distribution, written after 'train on' or 'then train on'; evaluate on each of its environments"
                : null;
            sink.Add(from.Tree, DiagnosticCatalog.UnknownName(name.Span, expectedText, name.Text, suggestion, detail));
            return null;
        }
        symbols.AddReference(symbol, from.Tree, name.Span);
        if (symbol.Kind != expected)
        {
            sink.Add(from.Tree, DiagnosticCatalog.WrongDeclarationKind(name.Span, name.Text, expectedText, symbol.KindName));
            return null;
        }
        return symbol;
    }

    private static void ReportDuplicateMembers(DeclarationSyntax declaration, FileDiagnostics file, string[] single)
    {
        foreach (var group in declaration.Members.Where(m => single.Contains(m.Keyword)).GroupBy(m => m.Keyword))
        {
            foreach (var duplicate in group.Skip(1))
            {
                file.Report(DiagnosticCatalog.DuplicateMember(duplicate.Span, group.Key));
            }
        }
    }

    /// <summary>Where a quick fix inserts a new member: at the start of the line holding the closing brace.</summary>
    public static int InsertionPoint(DeclarationSyntax declaration) =>
        declaration.CloseBrace is { } close ? close.Start : declaration.Span.End;
}
