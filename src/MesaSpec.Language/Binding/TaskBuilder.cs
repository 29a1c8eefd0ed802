using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Instantiates a task at concrete argument values. As for environments, <c>extends</c> replaces the base's
/// members keyword by keyword, and each member is evaluated in the scope of the declaration that wrote it.
/// Defaults are the prompts of von Oswald et al. (2023): linear, dimension 10, 10 context pairs, no noise,
/// inputs uniform on [-1, 1].
/// </summary>
internal sealed class TaskBuilder(DiagnosticSink sink)
{
    public const int DefaultDimension = 10;
    public const int DefaultContext = 10;
    public const int MaxDimension = 64;
    public const int MaxContext = 1024;
    public const double MaxNoise = 100;
    public const double MaxInputScale = 1000;

    private readonly Dictionary<(DeclarationSymbol, string), TaskModel?> _built = [];

    public TaskModel? Build(DeclarationSymbol task, IReadOnlyDictionary<string, Value> arguments, string displayName)
    {
        var key = (task, string.Join(";", task.Parameters.Select(p => $"{p.Name}={(arguments.TryGetValue(p.Name, out var v) ? v : EnvironmentBuilder.DefaultOf(p))}")));
        if (!_built.TryGetValue(key, out var model))
        {
            var members = new Dictionary<string, (TaskSettingMemberSyntax Syntax, ValueEvaluator Values)>(StringComparer.Ordinal);
            model = Collect(task, arguments, members, []) ? Evaluate(task, members) : null;
            _built[key] = model;
        }
        return model is null ? null : model with { DisplayName = displayName };
    }

    private bool Collect(DeclarationSymbol task, IReadOnlyDictionary<string, Value> arguments,
        Dictionary<string, (TaskSettingMemberSyntax, ValueEvaluator)> members, HashSet<DeclarationSymbol> visiting)
    {
        if (!visiting.Add(task) || (task.Base is null && task.Syntax.Extends is not null) || task.Syntax.HasUnparsedMembers)
        {
            return false;
        }
        var file = new FileDiagnostics(sink, task.Tree);
        var entries = new List<(ParameterSymbol, Value?)>();
        foreach (var parameter in task.Parameters)
        {
            var value = arguments.TryGetValue(parameter.Name, out var given) ? given : EnvironmentBuilder.DefaultOf(parameter);
            if (value is null && parameter.Syntax.Default is null)
            {
                file.Report(DiagnosticCatalog.MissingArgument(task.Syntax.Name.Span, task.Name, parameter.Name));
                return false;
            }
            entries.Add((parameter, value));
        }
        var scope = new Scope(entries);
        var values = new ValueEvaluator(file, scope);
        if (task.Base is { } baseTask)
        {
            var bindable = baseTask.Parameters.Select(p =>
            {
                var b = EnvironmentBuilder.ToBindable(p);
                return scope.TryGet(p.Name, out _, out var v) && v is not null ? b with { Default = v } : b;
            }).ToList();
            var bound = values.BindArguments(baseTask.Name, task.Syntax.Extends?.ArgumentList(), bindable, missingAt: task.Syntax.Extends?.Span);
            if (bound is null || !Collect(baseTask, bound, members, visiting))
            {
                return false;
            }
        }
        foreach (var member in task.Syntax.Members.OfType<TaskSettingMemberSyntax>())
        {
            members[member.Name] = (member, values);
        }
        return true;
    }

    private static TaskModel? Evaluate(DeclarationSymbol task, Dictionary<string, (TaskSettingMemberSyntax Syntax, ValueEvaluator Values)> members)
    {
        var ok = true;
        T Read<T>(string keyword, T fallback, Func<ExpressionSyntax, ValueEvaluator, T?> read) where T : struct
        {
            if (!members.TryGetValue(keyword, out var member))
            {
                return fallback;
            }
            var value = read(member.Syntax.Value, member.Values);
            ok &= value is not null;
            return value ?? fallback;
        }

        var family = Read("family", TaskFamily.Linear, (e, v) => v.Evaluate(e, MesaType.String, "the task family") is { } word
            ? TaskWords.FindFamily(word.AsString()) ?? Unknown<TaskFamily>(v, e, "task family", word.AsString(), TaskWords.Families)
            : null);
        var dimension = Read("dimension", DefaultDimension, (e, v) => v.Int(e, "the input dimension", 1, MaxDimension));
        var context = Read("context", DefaultContext, (e, v) => v.Int(e, "the number of context pairs", 1, MaxContext));
        var noise = Read("noise", 0.0, (e, v) => v.Float(e, "the noise (standard deviation)", 0, MaxNoise));
        var inputs = Read("inputs", (InputDistribution.Uniform, 1.0), Inputs);
        return ok ? new TaskModel(task.Name, task.Name, family, dimension, context, noise, inputs.Item1, inputs.Item2) : null;
    }

    /// <summary><c>uniform</c>, <c>gaussian(scale: 2)</c>, <c>uniform(2)</c>.</summary>
    private static (InputDistribution, double)? Inputs(ExpressionSyntax expression, ValueEvaluator values)
    {
        if (expression.ReferencedName() is not { } name)
        {
            values.Diagnostics.Report(DiagnosticCatalog.TypeMismatch(expression.Span, "an input distribution such as uniform(scale: 1)", "a value", "the inputs"));
            return null;
        }
        if (TaskWords.FindInputs(name.Text) is not { } distribution)
        {
            return null; // the binder reported the word
        }
        var arguments = values.BindArguments(name.Text, expression.ArgumentList(),
            [("scale", MesaType.Float, new Value(1.0), double.Epsilon, MaxInputScale, null)]);
        return arguments is null ? null : (distribution, arguments["scale"].AsFloat());
    }

    private static T? Unknown<T>(ValueEvaluator values, ExpressionSyntax at, string what, string word, IReadOnlyList<string> valid) where T : struct
    {
        // A bare word was checked by the binder; a string parameter's value is checked here.
        if (at is not NameExpressionSyntax { Name.Text: var text } || text != word)
        {
            values.Diagnostics.Report(DiagnosticCatalog.UnknownWord(at.Span, what, word, NameSuggestions.Closest(word, valid), valid));
        }
        return null;
    }
}
