using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

// Experiments trained on a task: the model learns from prompts; evaluations are tasks.
internal sealed partial class ExperimentBuilder
{
    /// <summary>Prompts per seed and evaluation task when <c>episodes</c> is not given.</summary>
    public const int DefaultPrompts = 1000;

    private TaskBuilder? _tasks;

    private TaskBuilder Tasks => _tasks ??= new TaskBuilder(sink);

    private ExperimentModel? BuildTaskExperiment(DeclarationSymbol experiment, Dictionary<string, Value> assignment, TrainMemberSyntax train, ValueEvaluator values)
    {
        var syntax = experiment.Syntax;
        var task = Task(train.Environment, values);
        var model = ComponentBuilder.Build(train.Model, ComponentKind.Model, catalog, values);
        var algorithm = ComponentBuilder.Build(train.Algorithm, ComponentKind.Algorithm, catalog, values);
        var ok = task is not null && model is not null && algorithm is not null
            && model.Descriptor?.ForTasks != false && algorithm.Descriptor?.ForTasks != false;
        var seeds = Seeds(syntax, values);
        ok &= seeds is not null;
        var evaluations = new List<TaskEvaluationModel>();
        foreach (var evaluate in syntax.Members.OfType<EvaluateMemberSyntax>())
        {
            var prompts = evaluate.Episodes is { } e ? values.Int(e, "the number of prompts", 1, 1_000_000) : DefaultPrompts;
            ok &= prompts is not null;
            foreach (var reference in evaluate.Environments)
            {
                var evaluated = Task(reference, values);
                ok &= evaluated is not null;
                if (evaluated is not null && prompts is not null)
                {
                    evaluations.Add(new TaskEvaluationModel(evaluated, prompts.Value));
                    if (task is not null && evaluated.Dimension != task.Dimension)
                    {
                        values.Diagnostics.Report(DiagnosticCatalog.TaskDimensionMismatch(reference.Span, evaluated.DisplayName, evaluated.Dimension, task.DisplayName, task.Dimension));
                        ok = false;
                    }
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
        if (evaluations.Count > 0 && evaluations.All(e => e.Task.SameDistribution(task!)))
        {
            values.Diagnostics.Report(DiagnosticCatalog.NoTaskShift(syntax.Members.OfType<EvaluateMemberSyntax>().First().Span, task!.DisplayName));
        }
        return new ExperimentModel(experiment.Name, assignment, ExperimentModel.SquaredLoss, [], new TaskTrainedModel(task!, model!, algorithm!),
            seeds!, [], threshold!.Value, tolerance, expectations!)
        {
            TaskEvaluations = evaluations,
        };
    }

    private TaskModel? Task(ExpressionSyntax reference, ValueEvaluator values)
    {
        if (reference.ReferencedName() is not { } name || symbols.Lookup(name.Text) is not { Kind: DeclarationKind.Task } task)
        {
            return null;
        }
        var arguments = values.BindArguments(task.Name, reference.ArgumentList(),
            task.Parameters.Select(EnvironmentBuilder.ToBindable).ToList(), missingAt: reference.Span);
        if (arguments is null)
        {
            return null;
        }
        var display = reference.ArgumentList() is null ? task.Name : values.Diagnostics.Tree.Text.ToString(reference.Span);
        return Tasks.Build(task, arguments, display);
    }
}
