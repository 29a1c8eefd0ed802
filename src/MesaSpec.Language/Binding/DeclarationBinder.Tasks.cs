using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

// Tasks (in-context regression prompts) and the experiments trained on them.
internal sealed partial class DeclarationBinder
{
    private static readonly string[] SingleTaskMembers = ["family", "dimension", "context", "noise", "inputs"];

    /// <summary>The verdicts an experiment trained on a task can expect.</summary>
    public static readonly string[] TaskVerdicts = [.. VerdictWords.All.Where(w => VerdictWords.TryParse(w, out var v) && VerdictWords.IsTaskVerdict(v))];

    /// <summary>The <c>train on</c> member of an experiment when it names a task: the experiment is trained on prompts.</summary>
    internal static TrainMemberSyntax? TaskTraining(DeclarationSyntax experiment, SymbolTable symbols) =>
        experiment.Members.OfType<TrainMemberSyntax>().FirstOrDefault() is { } train
        && train.Environment.ReferencedName() is { } name && symbols.Lookup(name.Text) is { Kind: DeclarationKind.Task }
            ? train
            : null;

    private void ResolveTaskBases()
    {
        foreach (var task in symbols.OfKind(DeclarationKind.Task))
        {
            if (task.Syntax.Extends?.ReferencedName() is { } baseName)
            {
                task.Base = Resolve(task, baseName, DeclarationKind.Task);
            }
        }
        CutCyclesAndDeepChains([.. symbols.OfKind(DeclarationKind.Task)]);
    }

    private void BindTask(DeclarationSymbol task, FileDiagnostics file)
    {
        ReportDuplicateMembers(task.Syntax, file, SingleTaskMembers);
        foreach (var setting in task.Syntax.Members.OfType<TaskSettingMemberSyntax>())
        {
            switch (setting.Name)
            {
                case "family" when setting.Value is NameExpressionSyntax { Name: var word } && TaskWords.FindFamily(word.Text) is null:
                    file.Report(DiagnosticCatalog.UnknownWord(word.Span, "task family", word.Text, NameSuggestions.Closest(word.Text, TaskWords.Families), TaskWords.Families));
                    break;
                case "inputs" when setting.Value.ReferencedName() is { } word && TaskWords.FindInputs(word.Text) is null:
                    file.Report(DiagnosticCatalog.UnknownWord(word.Span, "input distribution", word.Text, NameSuggestions.Closest(word.Text, TaskWords.Inputs), TaskWords.Inputs));
                    break;
            }
        }
    }

    /// <summary>In an environment experiment, a model or algorithm made for tasks is MS2060.</summary>
    private void CheckComponentForEnvironments(ExpressionSyntax call, ComponentKind kind, FileDiagnostics file) =>
        CheckComponentDomain(call, kind, forTasks: false, file);

    private void CheckComponentDomain(ExpressionSyntax call, ComponentKind kind, bool forTasks, FileDiagnostics file)
    {
        if (call.ReferencedName() is { } name && catalog.Find(kind, name.Text) is { } descriptor && descriptor.ForTasks != forTasks)
        {
            var valid = catalog.OfKind(kind).Where(c => c.ForTasks == forTasks).Select(c => c.Name);
            file.Report(DiagnosticCatalog.ComponentForOtherExperimentKind(name.Span, kind.ToString().ToLowerInvariant(), name.Text, descriptor.ForTasks, valid));
        }
    }

    /// <summary>An experiment whose <c>train on</c> names a task: evaluated on tasks, judged against reference learners.</summary>
    private void BindTaskExperiment(DeclarationSymbol experiment, TrainMemberSyntax train, FileDiagnostics file)
    {
        var syntax = experiment.Syntax;
        ReportDuplicateMembers(syntax, file, SingleExperimentMembers);
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        SweepMemberSyntax? sweep = null;
        var trainedOn = $"the task '{train.Environment.ReferencedName()!.Text}'";
        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case BaseObjectiveMemberSyntax or MesaObjectiveMemberSyntax:
                    file.Report(DiagnosticCatalog.ObjectivesInTaskExperiment(member.Span));
                    break;
                case TrainMemberSyntax t when ReferenceEquals(t, train):
                    ResolveTaskReference(experiment, t.Environment, trainedOn, file);
                    BindComponentName(t.Model, ComponentKind.Model, file, experiment.Tree, allowWords: [], forTasks: true);
                    BindComponentName(t.Algorithm, ComponentKind.Algorithm, file, experiment.Tree, allowWords: [], forTasks: true);
                    CheckComponentDomain(t.Model, ComponentKind.Model, forTasks: true, file);
                    CheckComponentDomain(t.Algorithm, ComponentKind.Algorithm, forTasks: true, file);
                    if (t.Curriculum is { } curriculum)
                    {
                        file.Report(DiagnosticCatalog.CurriculumOnTask(curriculum.Span));
                    }
                    break;
                case TrainMemberSyntax or PolicyMemberSyntax:
                    file.Report(DiagnosticCatalog.DuplicateMember(member.Span, "train on / policy"));
                    break;
                case EvaluateMemberSyntax e:
                    if (e.Thinking is { } thinking)
                    {
                        file.Report(DiagnosticCatalog.ThinkingOnTask(thinking.Span));
                    }
                    foreach (var reference in e.Environments)
                    {
                        if (ResolveTaskReference(experiment, reference, trainedOn, file) is { } task)
                        {
                            evaluated.Add(task.Name);
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
                case ExpectMemberSyntax expect:
                    BindTaskExpectation(experiment, expect, evaluated, sweep, file);
                    break;
                case ProbeMemberSyntax or SteerMemberSyntax:
                    ReportProbesInTaskExperiment(member, file);
                    break;
            }
        }
        if (!syntax.Members.OfType<EvaluateMemberSyntax>().Any() && !syntax.HasUnparsedMembers)
        {
            file.Report(DiagnosticCatalog.MissingMember(syntax.Name.Span, experiment.Name, "evaluate on", "evaluate on MyTask episodes 1000", InsertionPoint(syntax)));
        }
    }

    private DeclarationSymbol? ResolveTaskReference(DeclarationSymbol experiment, ExpressionSyntax reference, string trainedOn, FileDiagnostics file)
    {
        if (reference.ReferencedName() is not { } name)
        {
            file.Report(DiagnosticCatalog.TypeMismatch(reference.Span, "a task name, e.g. Regression or Regression(scale: 2)", "a value", "this"));
            return null;
        }
        if (symbols.Lookup(name.Text) is { Kind: DeclarationKind.Environment } environment)
        {
            symbols.AddReference(environment, experiment.Tree, name.Span);
            file.Report(DiagnosticCatalog.TasksAndEnvironmentsMixed(name.Span, name.Text, isTask: false, trainedOn));
            return null;
        }
        var task = Resolve(experiment, name, DeclarationKind.Task);
        if (task is not null && reference.ArgumentList() is { } arguments)
        {
            ReferenceArgumentNames(arguments, task, experiment.Tree);
        }
        return task;
    }

    private void BindTaskExpectation(DeclarationSymbol experiment, ExpectMemberSyntax expect, HashSet<string> evaluated, SweepMemberSyntax? sweep, FileDiagnostics file)
    {
        if (expect.Environment is { } on && Resolve(experiment, on, DeclarationKind.Task) is not null && !evaluated.Contains(on.Text))
        {
            file.Report(DiagnosticCatalog.ExpectationOnUnevaluatedEnvironment(on.Span, on.Text, null));
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
        if (expect.Expectation is not VerdictExpectationSyntax verdict)
        {
            file.Report(DiagnosticCatalog.VerdictForOtherExperimentKind(expect.Expectation.Span, experiment.Tree.Text.ToString(expect.Expectation.Span), taskExperiment: true, TaskVerdicts));
            return;
        }
        BindVerdictOfTask(verdict, file);
    }

    /// <summary><c>mesa_optimizer(LEARNER)</c> names a reference learner; of the environment verdicts only <c>inconclusive</c> judges a task experiment (MS2063).</summary>
    private static void BindVerdictOfTask(VerdictExpectationSyntax verdict, FileDiagnostics file)
    {
        if (!VerdictWords.TryParse(verdict.Verdict.Text, out var word))
        {
            file.Report(DiagnosticCatalog.UnknownWord(verdict.Verdict.Span, "verdict", verdict.Verdict.Text, NameSuggestions.Closest(verdict.Verdict.Text, TaskVerdicts), TaskVerdicts));
        }
        else if (!VerdictWords.IsTaskVerdict(word))
        {
            file.Report(DiagnosticCatalog.VerdictForOtherExperimentKind(verdict.Verdict.Span, verdict.Verdict.Text, taskExperiment: true, TaskVerdicts));
        }
        else if (word != Verdict.MesaOptimizer && verdict.Proxy is { } extra)
        {
            file.Report(DiagnosticCatalog.UnexpectedInput(extra.Span, $"'{verdict.Verdict.Text}' takes no argument"));
        }
        else if (verdict.Proxy is { } learner && !LearnerWords.TryParse(learner.Text, out _))
        {
            file.Report(DiagnosticCatalog.UnknownReferenceLearner(learner.Span, learner.Text, NameSuggestions.Closest(learner.Text, LearnerWords.All), LearnerWords.All));
        }
    }

    /// <summary>In an environment experiment, <c>mesa_optimizer(...)</c> is MS2063 (true: reported, nothing more to check).</summary>
    private static bool TaskVerdictInEnvironmentExperiment(VerdictExpectationSyntax verdict, FileDiagnostics file)
    {
        if (!VerdictWords.TryParse(verdict.Verdict.Text, out var word) || word != Verdict.MesaOptimizer)
        {
            return false;
        }
        file.Report(DiagnosticCatalog.VerdictForOtherExperimentKind(verdict.Verdict.Span, verdict.Verdict.Text, taskExperiment: false,
            VerdictWords.All.Where(w => w != verdict.Verdict.Text)));
        return true;
    }
}
