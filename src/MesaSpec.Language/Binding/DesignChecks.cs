using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>
/// MS3xxx checks that need instantiated models but no simulation: is there a distributional shift,
/// can every objective's target appear where it is evaluated, do objective regions fit the grids.
/// </summary>
internal static class DesignChecks
{
    /// <summary>
    /// Environment steps of all training runs of one experiment. One run may take up to 1e10 steps (the
    /// algorithms' schema); multiplied by seeds and sweep points, anything beyond would run for months.
    /// </summary>
    public const double MaxTotalSteps = 1e10;

    public static void Check(ExperimentPlan plan, SymbolTable symbols, ComponentCatalog catalog, DiagnosticSink sink)
    {
        var experiment = plan.Experiment;
        var file = new FileDiagnostics(sink, experiment.Tree);
        foreach (var point in plan.Points)
        {
            CheckShift(point, experiment, file);
            CheckObservationFit(point, experiment, catalog, file);
            CheckTargets(point, symbols, sink);
        }
        CheckScorable(plan, experiment, file);
        CheckBudget(plan, file);
        CheckModelMemory(plan, file);
        CurriculumChecks.Check(plan, file);
    }

    /// <summary>Weights, gradients and Adam's two moments, four bytes each: what training holds per parameter.</summary>
    public const int TrainingBytesPerParameter = 16;

    /// <summary>
    /// A model whose training state alone exceeds this machine's memory would fail allocating it (TorchSharp's
    /// unhandled native error) after the run had started: refused here, with the estimate.
    /// </summary>
    private static void CheckModelMemory(ExperimentPlan plan, FileDiagnostics file)
    {
        var available = (double)MachineMemory.AvailableBytes;
        foreach (var point in plan.Points)
        {
            if (point.Policy is not TrainedPolicy { Model: { Descriptor.ParameterCount: { } count } model } trained)
            {
                continue;
            }
            var shape = ObservedShape(trained.Environment);
            var parameters = count(model.Arguments, (long)shape.Width * shape.Height);
            var bytes = parameters * TrainingBytesPerParameter;
            if (bytes > available && plan.Experiment.Syntax.Members.OfType<TrainMemberSyntax>().FirstOrDefault() is { } train)
            {
                file.Report(DiagnosticCatalog.ModelTooLarge(train.Model.Span, model.Name, parameters, bytes, available));
                return;
            }
        }
    }

    private static void CheckBudget(ExperimentPlan plan, FileDiagnostics file)
    {
        var total = plan.Points.Sum(p => p.Policy is TrainedPolicy trained ? (double)trained.TotalBudget * p.Seeds.Count : 0);
        if (total > MaxTotalSteps && plan.Experiment.Syntax.Members.OfType<TrainMemberSyntax>().FirstOrDefault() is { } train)
        {
            file.Report(DiagnosticCatalog.BudgetTooLarge(train.Algorithm.Span, total, MaxTotalSteps));
        }
    }

    // Models are shared between points and experiments (EnvironmentBuilder memoises them), so their text is too.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EnvironmentModel, string> CanonicalTexts = [];

    private static string Canonical(EnvironmentModel environment) => CanonicalTexts.GetValue(environment, ModelText.Canonical);

    private static void CheckShift(ExperimentModel point, DeclarationSymbol experiment, FileDiagnostics file)
    {
        if (point.Policy is not TrainedPolicy trained || point.Evaluations.Count == 0)
        {
            return;
        }
        var training = Canonical(trained.Environment);
        if (point.Evaluations.Any(e => Canonical(e.Environment) != training))
        {
            return;
        }
        var evaluate = experiment.Syntax.Members.OfType<EvaluateMemberSyntax>().First();
        file.Report(DiagnosticCatalog.NoDistributionalShift(evaluate.Span, trained.Environment.DisplayName, null));
    }

    /// <summary>
    /// A trained model's input is its training environment's observation: every evaluation must give the same shape,
    /// and every later phase the first one's, unless the model says it accepts any grid size
    /// (<see cref="ComponentDescriptor.AnyGridSize"/>). The channels always agree: the experiment's environments share one layout.
    /// </summary>
    private static void CheckObservationFit(ExperimentModel point, DeclarationSymbol experiment, ComponentCatalog catalog, FileDiagnostics file)
    {
        if (point.Policy is not TrainedPolicy trained)
        {
            return;
        }
        // The model's input size is fixed by the first phase; every later phase fine-tunes that same model.
        var built = trained.Phases[0].Distribution.Representative;
        var shape = ObservedShape(built);
        if (trained.Model.Descriptor?.AnyGridSize is { } anyGridSize && anyGridSize(trained.Model))
        {
            return; // nothing in the model has the grid's size: any phase and any evaluation fits
        }
        foreach (var phaseEnvironment in trained.Environments.Where(e => ObservedShape(e) != shape).DistinctBy(e => e.DisplayName))
        {
            var reference = experiment.Syntax.Members.OfType<ThenTrainMemberSyntax>().Select(t => t.Environment)
                .FirstOrDefault(e => e.DescendantsAndSelf().OfType<ExpressionSyntax>().Any(r => r.ReferencedName()?.Text == phaseEnvironment.Name));
            file.Report(DiagnosticCatalog.PhaseDoesNotFitModel(reference?.Span ?? experiment.Syntax.Name.Span,
                built.DisplayName, Describe(shape), phaseEnvironment.DisplayName, Describe(ObservedShape(phaseEnvironment)),
                AnyGridSizeRemedy(trained.Model, catalog)));
        }
        foreach (var evaluation in point.Evaluations.Where(e => ObservedShape(e.Environment) != shape).DistinctBy(e => e.Environment.DisplayName))
        {
            var reference = experiment.Syntax.Members.OfType<EvaluateMemberSyntax>().SelectMany(m => m.Environments)
                .FirstOrDefault(e => e.ReferencedName()?.Text == evaluation.Environment.Name);
            file.Report(DiagnosticCatalog.ModelDoesNotFitEnvironment(reference?.Span ?? experiment.Syntax.Name.Span,
                built.DisplayName, Describe(shape), evaluation.Environment.DisplayName, Describe(ObservedShape(evaluation.Environment)),
                AnyGridSizeRemedy(trained.Model, catalog)));
        }
    }

    /// <summary>The argument that frees this model from the grid's size, or else the catalogue's models that are free of it.</summary>
    private static string AnyGridSizeRemedy(ComponentModel model, ComponentCatalog catalog)
    {
        if (model.Descriptor is { AnyGridSize: not null, AnyGridSizeArgument: { } argument })
        {
            return $"give '{model.Name}' the argument '{argument}' so it accepts grids of any size";
        }
        var free = catalog.OfKind(ComponentKind.Model).Where(d => d is { AnyGridSize: not null, ForTasks: false })
            .Select(d => d.AnyGridSizeArgument is { } a ? $"{d.Name}({a})" : d.Name).ToList();
        var tied = $"'{model.Name}' has a layer for every cell of its first training grid";
        return free.Count == 0 ? $"no model of the catalogue accepts grids of any size ({tied})"
            : $"use a model that accepts grids of any size ({string.Join(", ", free)}; {tied})";
    }

    /// <summary>Scores are normalised by the exact planner, which cannot enumerate random moves (MS3030).</summary>
    private static void CheckScorable(ExperimentPlan plan, DeclarationSymbol experiment, FileDiagnostics file)
    {
        // Once per environment, not per sweep point.
        foreach (var evaluation in plan.Points.SelectMany(p => p.Evaluations).DistinctBy(e => e.Environment.DisplayName))
        {
            if (evaluation.Environment.Items.FirstOrDefault(i => i.MovesAtRandom && i.Count > 0) is not { } item)
            {
                continue;
            }
            var reference = experiment.Syntax.Members.OfType<EvaluateMemberSyntax>().SelectMany(m => m.Environments)
                .FirstOrDefault(e => e.ReferencedName()?.Text == evaluation.Environment.Name);
            file.Report(DiagnosticCatalog.StochasticMovementUnscorable(reference?.Span ?? experiment.Syntax.Name.Span,
                evaluation.Environment.DisplayName, item.Kind, item.Movement!.Name));
        }
    }

    private static (int Width, int Height, bool Window) ObservedShape(EnvironmentModel environment) =>
        environment.Observation is WindowObservation w ? (w.Size, w.Size, true) : (environment.Width, environment.Height, false);

    private static string Describe((int Width, int Height, bool Window) shape) =>
        shape.Window ? $"{shape.Width} x {shape.Height} window" : $"full {shape.Width} x {shape.Height} grid";

    private static void CheckTargets(ExperimentModel point, SymbolTable symbols, DiagnosticSink sink)
    {
        var environments = point.Evaluations.Select(e => e.Environment).ToList();
        if (point.Policy is TrainedPolicy trained)
        {
            environments.Add(trained.Environment);
        }
        foreach (var objective in point.Candidates)
        {
            if (symbols.Lookup(objective.Name) is not { Kind: DeclarationKind.Objective } symbol)
            {
                continue;
            }
            var file = new FileDiagnostics(sink, symbol.Tree);
            // Evaluated again only to get models per target; its diagnostics were reported when the objective was built.
            var quiet = new ValueEvaluator(new FileDiagnostics(new DiagnosticSink(), symbol.Tree),
                new Scope(symbol.Parameters.Select(p => (p, EnvironmentBuilder.DefaultOf(p)))));
            var targets = symbol.Syntax.Members
                .Select(m => m switch { RewardMemberSyntax r => r.Event?.Target, EndMemberSyntax e => e.Event.Target, _ => null })
                .OfType<TargetSyntax>();
            foreach (var target in targets)
            {
                foreach (var environment in environments.DistinctBy(e => e.DisplayName))
                {
                    CheckTarget(target, environment, objective.Name, file, quiet);
                }
            }
        }
    }

    private static void CheckTarget(TargetSyntax target, EnvironmentModel environment, string objective, FileDiagnostics file, ValueEvaluator quiet)
    {
        switch (target)
        {
            case KindTargetSyntax kind when environment.Items.All(i => i.Kind != kind.Kind.Text || i.Count == 0):
                var none = environment.Items.Any(i => i.Kind == kind.Kind.Text) ? " (its count is 0)" : "";
                file.Report(DiagnosticCatalog.TargetNeverSpawns(kind.Span, objective, kind.Kind.Text, $"environment '{environment.DisplayName}'{none}"));
                break;
            case KindTargetSyntax kind when environment.Items.First(i => i.Kind == kind.Kind.Text) is var item
                                             && environment.Items.FirstOrDefault(i => i.Kind != item.Kind && ItemAppearance.LookAlike(i, item)) is { } twin:
                file.Report(DiagnosticCatalog.TargetLooksLikeAnotherItem(kind.Span, objective, item.Kind, twin.Kind, ItemAppearance.Of(item), environment.DisplayName));
                break;
            case AttributeTargetSyntax attributes:
                var model = ObjectiveBuilder.Target(attributes, quiet) as AttributeTarget;
                if (model is not null && !environment.Items.Any(i => i.Count > 0 &&
                        (model.Kind is null || i.Kind == model.Kind) && (model.Colour is null || i.Colour == model.Colour) && (model.Shape is null || i.Shape == model.Shape)))
                {
                    file.Report(DiagnosticCatalog.TargetNeverSpawns(attributes.Span, objective, file.Tree.Text.ToString(attributes.Span), $"environment '{environment.DisplayName}'"));
                }
                break;
            case RegionTargetSyntax region:
                var regionModel = RegionBuilder.Build(region.Region, quiet);
                if (regionModel is not null && RegionMath.OutOfBounds(regionModel, environment.Width, environment.Height) is { } problem)
                {
                    file.Report(DiagnosticCatalog.RegionOutsideGrid(region.Span, problem, environment.DisplayName));
                }
                break;
        }
    }
}
