using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;
using MesaSpec.LanguageServer.Protocol;
using static MesaSpec.LanguageServer.Features.Completion.CompletionHandler;

namespace MesaSpec.LanguageServer.Features.Completion;

/// <summary>Completion inside tasks and inside experiments trained on a task: task words, tasks, the models and verdicts of tasks.</summary>
internal static class TaskCompletions
{
    /// <summary>After a task member's keyword: its words (family, input distributions).</summary>
    public static IEnumerable<CompletionItem> InTask(string first, int words) => (first, words) switch
    {
        ("family", 1) => Keywords([.. TaskWords.Families]),
        ("inputs", 1) => TaskWords.Inputs.Select(w => Snippet(w, $"{w}(scale: ${{1:1}})")),
        _ => [],
    };

    /// <summary>Null unless the experiment trains on a task (or its <c>train on</c> is being written with a task).</summary>
    public static IEnumerable<CompletionItem>? InTaskExperiment(Compilation compilation, string experiment, string before, string[] words)
    {
        var first = words[0];
        var last = words[^1];
        if ((first, last) == ("train", "on"))
        {
            return Declared(compilation, DeclarationKind.Environment).Concat(Declared(compilation, DeclarationKind.Task));
        }
        var onTask = first == "train" && words.Length >= 3 && compilation.Symbols.Lookup(words[2].Split('(')[0]) is { Kind: DeclarationKind.Task };
        if (!onTask && !TrainsOnTask(compilation, experiment))
        {
            return null;
        }
        return (first, last) switch
        {
            ("train", "with") => Components(compilation, ComponentKind.Model).Where(c => IsForTasks(compilation, c.Label, ComponentKind.Model)),
            ("train", "using") => Components(compilation, ComponentKind.Algorithm).Where(c => IsForTasks(compilation, c.Label, ComponentKind.Algorithm)),
            ("evaluate", _) when before.TrimEnd().EndsWith(',') || last == "on" => Declared(compilation, DeclarationKind.Task),
            ("expect", "on") => Declared(compilation, DeclarationKind.Task),
            ("expect", _) when before.Contains(':') =>
                Keywords(VerdictWords.Word(Verdict.Inconclusive)).Append(Snippet(VerdictWords.Word(Verdict.MesaOptimizer), $"{VerdictWords.Word(Verdict.MesaOptimizer)}(${{1:{LearnerWords.Word(ReferenceLearner.GradientDescent)}}})")),
            _ => null,
        };
    }

    /// <summary>Inside <c>mesa_optimizer(</c>: the reference learners.</summary>
    public static IEnumerable<CompletionItem>? InVerdictCall(string name) =>
        name == VerdictWords.Word(Verdict.MesaOptimizer) ? Keywords([.. LearnerWords.All]) : null;

    private static bool TrainsOnTask(Compilation compilation, string experiment) =>
        compilation.Symbols.Lookup(experiment) is { Kind: DeclarationKind.Experiment } symbol
        && symbol.Syntax.Members.OfType<TrainMemberSyntax>().FirstOrDefault()?.Environment.ReferencedName() is { } name
        && compilation.Symbols.Lookup(name.Text) is { Kind: DeclarationKind.Task };

    private static bool IsForTasks(Compilation compilation, string name, ComponentKind kind) => compilation.Catalog.Find(kind, name)?.ForTasks == true;
}
