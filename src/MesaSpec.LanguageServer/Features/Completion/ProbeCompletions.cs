using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;
using MesaSpec.LanguageServer.Protocol;
using static MesaSpec.LanguageServer.Features.Completion.CompletionHandler;

namespace MesaSpec.LanguageServer.Features.Completion;

/// <summary>Completion for probes and steering: features after <c>probe NAME:</c>, <c>at layer</c>, probe names after <c>steer</c> and in <c>probe(</c>, <c>chance</c>.</summary>
internal static class ProbeCompletions
{
    /// <summary>Null when the line is not about probes.</summary>
    public static IEnumerable<CompletionItem>? InExperiment(Compilation compilation, string experiment, string before, string[] words)
    {
        var first = words[0];
        var last = words[^1];
        var trimmed = before.TrimEnd();
        return (first, last) switch
        {
            ("probe", _) when words.Length == 2 && trimmed.EndsWith(':') => Components(compilation, ComponentKind.ProbeFeature),
            ("probe", "at") => Keywords(ProbeWords.Reads),
            ("probe", _) when words.Length >= 3 && trimmed.EndsWith(')') => Keywords("at"),
            ("steer", "steer") => ProbeNames(compilation, experiment),
            ("steer", _) when words.Length == 2 => Keywords("by"),
            ("expect", _) when trimmed.Contains(ProbeWords.Probe + "(", StringComparison.Ordinal) && trimmed[^1] is '>' or '<' or '=' =>
                Keywords(ProbeWords.Chance).Append(Snippet(ProbeWords.Probe, ProbeWords.Probe + "(${1})")),
            _ => null,
        };
    }

    /// <summary>The expectation that starts with a probe's score.</summary>
    public static CompletionItem Expectation => Snippet(ProbeWords.Probe, ProbeWords.Probe + "(${1}) > ${2:chance}");

    /// <summary>Inside <c>probe(</c>: the experiment's probes; inside a feature's call: the objectives. Null elsewhere.</summary>
    public static IEnumerable<CompletionItem>? InCall(Compilation compilation, string? experiment, string call) =>
        call == ProbeWords.Probe && experiment is not null ? ProbeNames(compilation, experiment)
        : compilation.Catalog.Find(ComponentKind.ProbeFeature, call) is not null ? Declared(compilation, DeclarationKind.Objective)
        : null;

    private static IEnumerable<CompletionItem> ProbeNames(Compilation compilation, string experiment) =>
        compilation.Symbols.Lookup(experiment) is { Kind: DeclarationKind.Experiment } symbol
            ? symbol.Syntax.Members.OfType<ProbeMemberSyntax>().Select(p => new CompletionItem(p.Name.Text, CompletionItemKind.Variable,
                $"probe: {compilation.Symbols.Lookup(experiment)!.Tree.Text.ToString(p.Feature.Span)} at layer"))
            : [];
}
