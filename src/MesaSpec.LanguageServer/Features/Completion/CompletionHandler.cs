using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;
using MesaSpec.LanguageServer.Features.Hover;
using MesaSpec.LanguageServer.Features.Shared;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;
using Kind = MesaSpec.LanguageServer.Protocol.CompletionItemKind;

namespace MesaSpec.LanguageServer.Features.Completion;

/// <summary>
/// <c>textDocument/completion</c>, from the cursor's context: inside a call, its parameters (or values); at the
/// start of a member, the members valid in this kind of declaration (with snippets); after a keyword, what the
/// grammar allows there: declared names of the right kind, item kinds, regions, components, verdicts.
/// </summary>
public static class CompletionHandler
{
    public static CompletionList? Complete(DocumentAnalysis analysis, Position position, string? triggerCharacter = null)
    {
        var text = analysis.Text;
        var offset = text.ToOffset(position);
        // Completion follows typing: when this version's analysis is not ready, names come from the last analysed
        // version and the context from the current text, so the answer does not wait for a parse and bind.
        var compilation = analysis.LatestCompiled;
        var prefix = Words.PrefixBefore(text, offset);
        var lineStart = text.GetLineStart(text.GetLineIndex(offset));
        var before = text.Text[lineStart..prefix.Start];
        var words = before.Split([' ', '\t', ',', ':'], StringSplitOptions.RemoveEmptyEntries);
        var declaration = EnclosingDeclaration.Find(text, offset);
        if (triggerCharacter == " " && string.IsNullOrWhiteSpace(before))
        {
            // Typing indentation is not asking for members.
            return new CompletionList(false, []);
        }

        var items = CallContext.Find(text, offset) is { } call
            ? ProbeCompletions.InCall(compilation, declaration?.Name, call.Name) ?? InCall(compilation, call)
            : declaration is null
                ? TopLevel(before, compilation)
                : InDeclaration(compilation, declaration.Value, before, words);
        return new CompletionList(false, [.. items.DistinctBy(i => i.Label)]);
    }

    private static IEnumerable<CompletionItem> TopLevel(string before, Compilation compilation)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.EndsWith("extends", StringComparison.Ordinal))
        {
            return Declared(compilation, trimmed.StartsWith("task", StringComparison.Ordinal) ? DeclarationKind.Task : DeclarationKind.Environment);
        }
        if (trimmed.Length > 0)
        {
            return [];
        }
        return Snippets.Declarations.Select(s => new CompletionItem(s.Label, Kind.Snippet, s.Detail, Doc(s.Label), s.Body, InsertTextFormat.Snippet))
            .Concat(Keywords("import", "environment", "objective", "experiment", "task"));
    }

    private static IEnumerable<CompletionItem> InDeclaration(Compilation compilation, (DeclarationKind Kind, string Name) declaration, string before, string[] words)
    {
        if (words.Length == 0)
        {
            var members = declaration.Kind switch
            {
                DeclarationKind.Environment => Snippets.EnvironmentMembers,
                DeclarationKind.Objective => Snippets.ObjectiveMembers,
                DeclarationKind.Task => Snippets.TaskMembers,
                _ => Snippets.ExperimentMembers,
            };
            return members.Select(m => new CompletionItem(m.Label, Kind.Keyword, $"{SymbolDescriptions.KindOf(declaration.Kind)} member", Doc(m.Label.Split(' ')[0]), m.Body, InsertTextFormat.Snippet));
        }
        var last = words[^1];
        var first = words[0];
        var afterColon = before.TrimEnd().EndsWith(':');
        if (declaration.Kind == DeclarationKind.Task)
        {
            return TaskCompletions.InTask(first, words.Length);
        }
        if (TaskCompletions.InTaskExperiment(compilation, declaration.Name, before, words) is { } inTaskExperiment)
        {
            return inTaskExperiment;
        }
        if (ProbeCompletions.InExperiment(compilation, declaration.Name, before, words) is { } aboutProbes)
        {
            return aboutProbes;
        }
        return (first, last) switch
        {
            // environments
            (_, "walls") => Keywords("none").Concat(Components(compilation, ComponentKind.Walls)),
            (_, "spawn") or (_, "except") or (_, "or") => Regions(),
            ("item", "item") => ItemKinds(compilation),
            ("item", _) when words.Length >= 2 && last is not ("moves" or "behaviour" or "behavior") => Keywords("count", "spawn", "colour", "shape", "behaviour", "moves"),
            (_, "moves") => Components(compilation, ComponentKind.Movement),
            (_, "behaviour" or "behavior") => Keywords([.. BehaviourWords.Words]),
            (_, "observation") => Keywords("full").Append(Snippet("window", "window(${1:5})")),
            (_, "levels") => Keywords("unlimited"),
            (_, "cue") => Keywords(Language.Model.EnvironmentModel.NoCue),
            ("agent", "agent") => Keywords("spawn"),
            // objectives
            ("reward", _) when words.Length == 2 => Keywords("when", "each"),
            (_, "each") => Keywords("step"),
            (_, "when") => Keywords("agent"),
            ("end", "end") => Keywords("when"),
            ("reward" or "end", _) when words.Length >= 2 && words[^2] is "reaches" or "collects" or "opens" or "touches" =>
                Keywords([ConditionWords.After, .. ConditionWords.Openers, .. first == "reward" ? new[] { ConditionWords.At } : []]),
            (_, ConditionWords.After) when first is "reward" or "end" => ItemKinds(compilation),
            (_, ConditionWords.If or ConditionWords.Unless) when first is "reward" or "end" => Keywords("agent"),
            (_, "agent") when words.Length >= 2 && words[^2] is ConditionWords.If or ConditionWords.Unless => Keywords(ConditionWords.Holds),
            (_, ConditionWords.Holds) => ItemKinds(compilation),
            ("reward", ConditionWords.At) => Keywords(ConditionWords.Most),
            (_, "agent") when first is "reward" or "end" => Keywords("reaches", "collects", "opens", "touches"),
            (_, "reaches" or "collects" or "opens" or "touches") => ItemKinds(compilation).Concat(Regions(spawn: false)).Append(Snippet("item", "item(${1:colour}: ${2})")),
            // experiments
            ("base" or "mesa", "objective") => Declared(compilation, DeclarationKind.Objective),
            ("mesa", _) => Declared(compilation, DeclarationKind.Objective),
            ("base", "base") or ("mesa", "mesa") => Keywords("objective"),
            ("train" or "then", "rewarding") => Declared(compilation, DeclarationKind.Objective),
            ("train" or "then", "curriculum") => Components(compilation, ComponentKind.Curriculum),
            ("then", "then") => Keywords("train"),
            ("then", "using") => Components(compilation, ComponentKind.Algorithm),
            ("then", "for") => [],
            ("then", _) when words.Length >= 4 => Keywords("rewarding", "using", "for", "curriculum"),
            ("train" or "then", "train") or ("evaluate", "evaluate") or ("expect", "expect") => Keywords("on"),
            ("train" or "then", "on") => Declared(compilation, DeclarationKind.Environment).Append(Snippet("mix", "mix(${1:Env}: ${2:1}, ${3:Other}: ${4:0.1})")),
            ("train", _) when before.Contains(" using ", StringComparison.Ordinal) && last != "using" => Keywords("rewarding", "curriculum"),
            ("train", _) when words.Length == 3 => Keywords("with"),
            ("train", "with") => Components(compilation, ComponentKind.Model),
            ("train", _) when words.Length == 4 || words.Length == 5 && !words[3].Contains('(') => Keywords("using"),
            ("train", "using") => Components(compilation, ComponentKind.Algorithm),
            ("evaluate", _) when before.TrimEnd().EndsWith(',') || last == "on" => Declared(compilation, DeclarationKind.Environment),
            ("evaluate", _) => Keywords("episodes"),
            ("expect", "on") => Declared(compilation, DeclarationKind.Environment),
            ("expect", _) when afterColon || before.Contains(':') => Expectations(compilation),
            ("expect", _) when words.Length == 3 => Keywords("where"),
            ("policy", "policy") => Keywords("random").Append(Snippet("oracle", "oracle(${1})")),
            ("sweep", "sweep") => SweepParameters(compilation, declaration),
            ("sweep", _) when words.Length == 2 => Keywords("in"),
            _ => [],
        };
    }

    private static IEnumerable<CompletionItem> InCall(Compilation compilation, CallContext call)
    {
        if (HoverHandler.FindComponent(compilation, call.Name) is { } component)
        {
            if (call.InArgumentValue)
            {
                return call.CurrentArgumentName is { } name && component.Find(name) is { Choices: { } choices }
                    ? choices.Select(c => new CompletionItem(c, Kind.EnumMember, $"{component.Name}.{name}", InsertText: $"\"{c}\""))
                    : [];
            }
            return component.Parameters.Where(p => !call.NamedArguments.Contains(p.Name)).Select((p, i) => new CompletionItem(
                p.Name, Kind.Property, p.Signature, MarkupContent.Markdown(SymbolDescriptions.ComponentParameterDoc(p)), $"{p.Name}: ${{1}}", InsertTextFormat.Snippet, $"{i:D3}"));
        }
        if (compilation.Symbols.Lookup(call.Name) is { } declaration && !call.InArgumentValue)
        {
            return declaration.Parameters.Where(p => !call.NamedArguments.Contains(p.Name)).Select(p => new CompletionItem(
                p.Name, Kind.Property, SymbolDescriptions.Parameter(p), null, $"{p.Name}: ${{1}}", InsertTextFormat.Snippet));
        }
        if (compilation.Catalog.Find(ComponentKind.Metric, call.Name) is { TakesObjective: true })
        {
            return Declared(compilation, DeclarationKind.Objective);
        }
        return call.Name switch
        {
            RegionWords.Corner when call.ArgumentIndex == 0 => RegionWords.CornerNames.Select(c => new CompletionItem(c, Kind.EnumMember, "corner")),
            RegionWords.Near when call.ArgumentIndex == 0 => Keywords(RegionWords.Agent).Concat(ItemKinds(compilation)),
            RegionWords.On when call.ArgumentIndex == 0 => ItemKinds(compilation),
            "pseudo_aligned" or "oracle" => Declared(compilation, DeclarationKind.Objective),
            // A mixture's components are environments; their weights are numbers.
            "mix" => call.InArgumentValue ? [] : Declared(compilation, DeclarationKind.Environment),
            _ when TaskCompletions.InVerdictCall(call.Name) is { } learners => learners,
            "item" => call.InArgumentValue ? [] : Keywords("kind", "colour", "shape"),
            _ => [],
        };
    }

    internal static IEnumerable<CompletionItem> Keywords(params string[] keywords) =>
        keywords.Select(k => new CompletionItem(k, Kind.Keyword, "keyword", Doc(k)));

    internal static CompletionItem Snippet(string label, string body) =>
        new(label, Kind.Snippet, "keyword", Doc(label), body, InsertTextFormat.Snippet);

    private static MarkupContent? Doc(string keyword) =>
        KeywordDocs.All.TryGetValue(keyword, out var doc) ? MarkupContent.Markdown(doc) : null;

    internal static IEnumerable<CompletionItem> Declared(Compilation compilation, DeclarationKind kind) =>
        compilation.Symbols.OfKind(kind).OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new CompletionItem(
            d.Name,
            kind switch { DeclarationKind.Environment or DeclarationKind.Task => Kind.Class, DeclarationKind.Objective => Kind.Interface, _ => Kind.Module },
            SymbolDescriptions.Heading(d),
            SymbolDescriptions.LeadingComment(d) is { } comment ? MarkupContent.Markdown(comment) : null));

    private static IEnumerable<CompletionItem> ItemKinds(Compilation compilation) =>
        compilation.Symbols.ItemKinds.Keys.Order(StringComparer.Ordinal).Select(k => new CompletionItem(k, Kind.EnumMember, "item kind"));

    /// <summary>Region words; a target (<paramref name="spawn"/> false) cannot be relative, so it is offered no <c>near</c> or <c>on</c>.</summary>
    private static IEnumerable<CompletionItem> Regions(bool spawn = true) =>
        Keywords(RegionWords.Anywhere).Concat(BuiltinCalls.Regions.Where(r => spawn || !RegionWords.Relative.Contains(r.Name)).Select(r => new CompletionItem(
            r.Name, Kind.Function, $"{r.Name}({string.Join(", ", r.Parameters.Select(p => p.Label))})", MarkupContent.Markdown(r.Doc),
            $"{r.Name}(${{1}})", InsertTextFormat.Snippet)));

    internal static IEnumerable<CompletionItem> Components(Compilation compilation, ComponentKind kind) =>
        compilation.Catalog.OfKind(kind).Select(c => new CompletionItem(
            c.Name, Kind.Function, c.Signature, MarkupContent.Markdown(SymbolDescriptions.Component(c)), $"{c.Name}(${{1}})", InsertTextFormat.Snippet));

    private static IEnumerable<CompletionItem> Expectations(Compilation compilation) =>
        Keywords(["robustly_aligned", "indistinguishable", "capability_failure", "inconclusive", .. compilation.Catalog.OfKind(ComponentKind.Metric).Where(m => !m.TakesObjective).Select(m => m.Name)])
            .Concat(new[] { "pseudo_aligned" }.Concat(compilation.Catalog.OfKind(ComponentKind.Metric).Where(m => m.TakesObjective).Select(m => m.Name)).Select(m => Snippet(m, $"{m}(${{1}})")))
            .Append(ProbeCompletions.Expectation);

    private static IEnumerable<CompletionItem> SweepParameters(Compilation compilation, (DeclarationKind Kind, string Name) declaration)
    {
        if (compilation.Symbols.Lookup(declaration.Name) is not { Kind: DeclarationKind.Experiment } experiment)
        {
            return [];
        }
        var train = experiment.Syntax.Members.OfType<TrainMemberSyntax>().FirstOrDefault();
        var environment = train?.Environment.ReferencedName() is { } name ? compilation.Symbols.Lookup(name.Text) : null;
        return (environment?.Parameters ?? []).Select(p => new CompletionItem(p.Name, Kind.Property, SymbolDescriptions.Parameter(p)));
    }
}
