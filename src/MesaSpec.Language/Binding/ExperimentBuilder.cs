using System.Globalization;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>Instantiates an experiment at every point of its sweep.</summary>
internal sealed partial class ExperimentBuilder(SymbolTable symbols, DiagnosticSink sink, ComponentCatalog catalog, EnvironmentBuilder environments)
{
    public const int DefaultSeeds = 3;
    public const int DefaultEpisodes = 200;

    /// <summary>More thinking than this is a typo, not an experiment (Taufeeque et al. measure up to 16 extra steps).</summary>
    public const int MaxThinkingSteps = 1000;
    public const double DefaultThreshold = 0.5;

    private readonly EnvironmentBuilder _environments = environments;

    private readonly MixtureBuilder _mixtures = new();

    /// <summary>Objectives have no arguments: one model per objective, shared by every point of every experiment.</summary>
    private readonly Dictionary<DeclarationSymbol, ObjectiveModel?> _objectives = [];

    public ExperimentPlan Plan(DeclarationSymbol experiment)
    {
        var file = new FileDiagnostics(sink, experiment.Tree);
        var defaults = new Scope(experiment.Parameters.Select(p => (p, EnvironmentBuilder.DefaultOf(p))));
        SweepModel? sweep = null;
        var points = new List<Dictionary<string, Value>> { new() };
        if (experiment.Syntax.Members.OfType<SweepMemberSyntax>().FirstOrDefault() is { } sweepSyntax
            && experiment.Parameters.FirstOrDefault(p => p.Name == sweepSyntax.Parameter.Text) is { Type: { } type } parameter)
        {
            var values = new ValueEvaluator(file, defaults).Evaluate(sweepSyntax.Values, MesaType.ListOf(type), $"the values of '{parameter.Name}'");
            if (values is null)
            {
                return new ExperimentPlan(experiment, null, []);
            }
            sweep = new SweepModel(parameter.Name, values.Value.AsList());
            points = sweep.Values.Select(v => new Dictionary<string, Value> { [parameter.Name] = v }).ToList();
            if (points.Count == 0)
            {
                file.Report(DiagnosticCatalog.ValueOutOfRange(sweepSyntax.Values.Span, "a sweep", "at least one value", "empty"));
                return new ExperimentPlan(experiment, null, []);
            }
        }
        var models = new List<ExperimentModel>();
        foreach (var point in points)
        {
            if (Build(experiment, point) is { } model)
            {
                models.Add(model);
            }
        }
        return new ExperimentPlan(experiment, sweep, models.Count == points.Count ? models : [])
        {
            TrainsOnce = sweep is not null && models.Count > 1 && !TrainingMentions(experiment.Syntax, sweep.Parameter),
        };
    }

    /// <summary>
    /// Whether a training line of the experiment has an identifier spelled <paramref name="parameter"/> anywhere in
    /// it: every identifier, not only value references, so a name that might mean the parameter counts (training
    /// again when it need not is slower; sharing when it should not would be wrong).
    /// </summary>
    private static bool TrainingMentions(DeclarationSyntax syntax, string parameter) =>
        syntax.Members.Where(m => m is TrainMemberSyntax or ThenTrainMemberSyntax)
            .SelectMany(m => m.DescendantsAndSelf().OfType<IdentifierSyntax>())
            .Any(name => name.Text == parameter);

    private ExperimentModel? Build(DeclarationSymbol experiment, Dictionary<string, Value> assignment)
    {
        var file = new FileDiagnostics(sink, experiment.Tree);
        var scope = new Scope(experiment.Parameters.Select(p => (p, assignment.TryGetValue(p.Name, out var v) ? v : EnvironmentBuilder.DefaultOf(p))));
        var values = new ValueEvaluator(file, scope);
        var syntax = experiment.Syntax;
        if (DeclarationBinder.TaskTraining(syntax, symbols) is { } taskTraining)
        {
            return BuildTaskExperiment(experiment, assignment, taskTraining, values);
        }
        var ok = true;

        ObjectiveModel? Objective(IdentifierSyntax name) =>
            symbols.Lookup(name.Text) is { Kind: DeclarationKind.Objective } symbol ? ObjectiveFor(symbol) : null;

        var baseObjective = syntax.Members.OfType<BaseObjectiveMemberSyntax>().Select(b => Objective(b.Objective)).FirstOrDefault();
        var mesaNames = syntax.Members.OfType<MesaObjectiveMemberSyntax>().SelectMany(m => m.Objectives).ToList();
        var mesa = mesaNames.Select(Objective).ToList();
        ok &= baseObjective is not null && mesa.All(m => m is not null);

        PolicySource? policy = null;
        if (syntax.Members.OfType<TrainMemberSyntax>().FirstOrDefault() is { } train)
        {
            policy = Trained(syntax, train, values, Objective);
        }
        else if (syntax.Members.OfType<PolicyMemberSyntax>().FirstOrDefault() is { } policyMember)
        {
            policy = policyMember.Policy switch
            {
                NameExpressionSyntax { Name.Text: "random" } => new RandomPolicy(),
                CallExpressionSyntax { Name.Text: "oracle", Arguments.Arguments: [{ Value: NameExpressionSyntax name }] } =>
                    Objective(name.Name) is { } target ? new OraclePolicy(target) : null,
                _ => null,
            };
        }
        ok &= policy is not null;

        var seeds = Seeds(syntax, values);
        ok &= seeds is not null;

        var evaluations = new List<EvaluationModel>();
        foreach (var evaluate in syntax.Members.OfType<EvaluateMemberSyntax>())
        {
            var episodes = evaluate.Episodes is { } e ? values.Int(e, "the number of episodes", 1, 1_000_000) : DefaultEpisodes;
            ok &= episodes is not null;
            var thinking = evaluate.Thinking is { } t ? values.Int(t, "the thinking steps", 0, MaxThinkingSteps) : 0;
            ok &= thinking is not null;
            foreach (var reference in evaluate.Environments)
            {
                var environment = Environment(reference, values);
                ok &= environment is not null;
                if (environment is not null && episodes is not null && thinking is not null)
                {
                    evaluations.Add(new EvaluationModel(environment, episodes.Value, thinking.Value));
                }
            }
        }

        var threshold = Setting(syntax, "threshold", values, DefaultThreshold, 0, 1);
        double? tolerance = syntax.Members.OfType<SettingMemberSyntax>().Any(s => s.Name == "tolerance")
            ? Setting(syntax, "tolerance", values, 0, 0, 1) : null;
        ok &= threshold is not null;

        var expectations = syntax.Members.OfType<ExpectMemberSyntax>().Select(e => Expectation(e, experiment, values)).ToList();
        ok &= expectations.All(e => e is not null);

        if (!ok)
        {
            return null;
        }
        if (Probes(syntax, policy!, evaluations, values) is not { } probes)
        {
            return null;
        }
        return new ExperimentModel(experiment.Name, assignment, baseObjective!, mesa!, policy!, seeds!, evaluations, threshold!.Value, tolerance,
            expectations!)
        {
            Probes = probes.Probes,
            Steers = probes.Steers,
        };
    }

    /// <summary>The phases of training: the <c>train on</c> line, then each <c>then train on</c> line in order.</summary>
    private TrainedPolicy? Trained(DeclarationSyntax syntax, TrainMemberSyntax train, ValueEvaluator values, Func<IdentifierSyntax, ObjectiveModel?> objective)
    {
        var model = ComponentBuilder.Build(train.Model, ComponentKind.Model, catalog, values);
        var algorithm = ComponentBuilder.Build(train.Algorithm, ComponentKind.Algorithm, catalog, values);
        var ok = model is not null;
        var phases = new List<TrainingPhase>();
        TrainingPhase? Phase(ExpressionSyntax environment, IdentifierSyntax? rewarding, ComponentModel? phaseAlgorithm, ExpressionSyntax? curriculumCall)
        {
            var distribution = _mixtures.Distribution(environment, values, Environment);
            var phaseObjective = rewarding is null ? null : objective(rewarding);
            var curriculum = curriculumCall is null ? null : ComponentBuilder.Build(curriculumCall, ComponentKind.Curriculum, catalog, values);
            return distribution is null || phaseAlgorithm is null || (rewarding is not null && phaseObjective is null) || (curriculumCall is not null && curriculum is null)
                ? null
                : new TrainingPhase(curriculum is null ? distribution : distribution with
                {
                    // The planner's regret is in the discount the phase's algorithm maximises.
                    Curriculum = new CurriculumModel(curriculum, phaseAlgorithm.Discount ?? ExperimentModel.DefaultDiscount),
                }, phaseObjective, phaseAlgorithm);
        }
        var first = Phase(train.Environment, train.Objective, algorithm, train.Curriculum);
        ok &= first is not null;
        if (first is not null)
        {
            phases.Add(first);
        }
        var previous = algorithm;
        foreach (var then in syntax.Members.OfType<ThenTrainMemberSyntax>())
        {
            var phaseAlgorithm = then.Algorithm is { } call ? ComponentBuilder.Build(call, ComponentKind.Algorithm, catalog, values) : previous;
            if (phaseAlgorithm is not null && then.Budget is { } budget)
            {
                phaseAlgorithm = WithBudget(phaseAlgorithm, budget, values);
            }
            var phase = Phase(then.Environment, then.Objective, phaseAlgorithm, then.Curriculum);
            ok &= phase is not null;
            if (phase is not null)
            {
                phases.Add(phase);
            }
            previous = phaseAlgorithm;
        }
        return ok ? new TrainedPolicy(model!, phases) : null;
    }

    /// <summary><c>for STEPS</c>: the algorithm's budget parameter, checked against that parameter's range.</summary>
    private static ComponentModel? WithBudget(ComponentModel algorithm, ExpressionSyntax budget, ValueEvaluator values)
    {
        if (algorithm.Descriptor?.Budget is not { } name || algorithm.Descriptor.Parameters.FirstOrDefault(p => p.Name == name) is not { } parameter)
        {
            values.Diagnostics.Report(DiagnosticCatalog.UnknownArgument(budget.Span, algorithm.Name, "for", null, algorithm.Arguments.Keys));
            return null;
        }
        var steps = values.Int(budget, $"the budget ('{name}')", (long)(parameter.Min ?? 1), parameter.Max is { } max ? (long)Math.Min(max, int.MaxValue) : int.MaxValue);
        return steps is null ? null : algorithm.WithBudget(steps.Value);
    }

    private ObjectiveModel? ObjectiveFor(DeclarationSymbol symbol)
    {
        if (!_objectives.TryGetValue(symbol, out var model))
        {
            model = ObjectiveBuilder.Build(symbol, sink);
            _objectives[symbol] = model;
        }
        return model;
    }

    private static IReadOnlyList<int>? Seeds(DeclarationSyntax syntax, ValueEvaluator values)
    {
        if (syntax.Members.OfType<SettingMemberSyntax>().FirstOrDefault(s => s.Name == "seeds") is not { } seeds)
        {
            return Enumerable.Range(0, DefaultSeeds).ToList();
        }
        if (seeds.Value is ListExpressionSyntax)
        {
            var list = values.Evaluate(seeds.Value, MesaType.ListOf(MesaType.Int), "the seeds");
            var result = list?.AsList().Select(v => (int)v.AsInt()).ToList();
            if (result is { Count: 0 })
            {
                values.Diagnostics.Report(DiagnosticCatalog.ValueOutOfRange(seeds.Value.Span, "the seeds", "at least one seed", "empty"));
                return null;
            }
            if (result is not null && FirstRepeat(result) is { } repeat)
            {
                // Two runs of one seed are one sample counted twice, and the second checkpoint overwrites the first.
                var item = ((ListExpressionSyntax)seeds.Value).Items[repeat];
                values.Diagnostics.Report(DiagnosticCatalog.ValueOutOfRange(item.Span, "the seeds", "distinct", $"{result[repeat]} given twice"));
                return null;
            }
            return result;
        }
        var count = values.Int(seeds.Value, "the number of seeds", 1, 1000);
        return count is null ? null : Enumerable.Range(0, count.Value).ToList();
    }

    private static int? FirstRepeat(IReadOnlyList<int> seeds)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < seeds.Count; i++)
        {
            if (!seen.Add(seeds[i]))
            {
                return i;
            }
        }
        return null;
    }

    private static double? Setting(DeclarationSyntax syntax, string name, ValueEvaluator values, double fallback, double min, double max) =>
        syntax.Members.OfType<SettingMemberSyntax>().FirstOrDefault(s => s.Name == name) is { } setting
            ? values.Float(setting.Value, $"the {name}", min, max)
            : fallback;

    private EnvironmentModel? Environment(ExpressionSyntax reference, ValueEvaluator values)
    {
        if (reference.ReferencedName() is not { } name || symbols.Lookup(name.Text) is not { Kind: DeclarationKind.Environment } environment)
        {
            return null;
        }
        var arguments = values.BindArguments(environment.Name, reference.ArgumentList(),
            environment.Parameters.Select(EnvironmentBuilder.ToBindable).ToList(), missingAt: reference.Span);
        if (arguments is null)
        {
            return null;
        }
        // Shown in reports: the reference as written, e.g. "Maze(corner: 3)".
        var display = reference.ArgumentList() is null ? environment.Name : values.Diagnostics.Tree.Text.ToString(reference.Span);
        return _environments.Build(environment, arguments, display);
    }

    private ExpectationModel? Expectation(ExpectMemberSyntax expect, DeclarationSymbol experiment, ValueEvaluator values)
    {
        var text = experiment.Tree.Text.ToString(expect.Span);
        var line = experiment.Tree.Text.GetPosition(expect.Span.Start).Line;
        Value? where = null;
        if (expect.WhereParameter is { } parameterName && expect.WhereValue is { } whereValue
            && experiment.Parameters.FirstOrDefault(p => p.Name == parameterName.Text) is { Type: { } type })
        {
            where = values.Evaluate(whereValue, type, $"the value of '{parameterName.Text}'");
            if (where is null)
            {
                return null;
            }
        }
        ExpectationBody? body = expect.Expectation switch
        {
            VerdictExpectationSyntax v => VerdictWords.TryParse(v.Verdict.Text, out var verdict)
                ? new VerdictExpectation(verdict, verdict is Verdict.PseudoAligned or Verdict.MesaOptimizer ? v.Proxy?.Text : null)
                : null,
            MetricComparisonSyntax c when c.Metric.Name.Text == Vocabulary.ProbeWords.Probe => ProbeExpectation(c, values),
            MetricComparisonSyntax c => Metric(c.Metric) is { } metric && values.Float(c.Value, "the compared value", double.MinValue, double.MaxValue) is { } value
                ? new MetricExpectation(metric, ComparisonOf(c.Operator), value)
                : null,
            MetricTrendSyntax t => Metric(t.Metric) is { } metric && t.Trend.Text is "increasing" or "decreasing"
                ? new TrendExpectation(metric, t.Trend.Text == "increasing" ? Trend.Increasing : Trend.Decreasing)
                : null,
            _ => null,
        };
        return body is null ? null : new ExpectationModel(expect.Environment?.Text, expect.WhereParameter?.Text, where, body, text, line);
    }

    private static Comparison ComparisonOf(string written) => written switch
    {
        ">" => Comparison.Greater,
        ">=" => Comparison.GreaterOrEqual,
        "<" => Comparison.Less,
        _ => Comparison.LessOrEqual,
    };

    private MetricModel? Metric(MetricSyntax metric) =>
        catalog.Find(ComponentKind.Metric, metric.Name.Text) is { } descriptor
            ? new MetricModel(descriptor.Name, descriptor.TakesObjective ? metric.Objective?.Text : null) { Descriptor = descriptor, Entry = catalog.EntryOf(descriptor) }
            : null;

    internal static string Format(Value value) => value.Raw is double d ? d.ToString("G", CultureInfo.InvariantCulture) : value.ToString();
}
