using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

// Representation probes and steering: 'probe NAME: FEATURE(OBJECTIVE, ...) at layer K', 'steer NAME by S', 'probe(P) > ...'.
internal sealed partial class DeclarationBinder
{
    /// <summary>The probes an experiment declares, by name (the first of a repeated name).</summary>
    internal static Dictionary<string, ProbeMemberSyntax> ProbesOf(DeclarationSyntax experiment)
    {
        var probes = new Dictionary<string, ProbeMemberSyntax>(StringComparer.Ordinal);
        foreach (var probe in experiment.Members.OfType<ProbeMemberSyntax>())
        {
            probes.TryAdd(probe.Name.Text, probe);
        }
        return probes;
    }

    private void BindProbes(DeclarationSymbol experiment, HashSet<string> candidates, FileDiagnostics file)
    {
        var seen = new Dictionary<string, ProbeMemberSyntax>(StringComparer.Ordinal);
        foreach (var probe in experiment.Syntax.Members.OfType<ProbeMemberSyntax>())
        {
            if (!seen.TryAdd(probe.Name.Text, probe))
            {
                var first = experiment.Tree.Text.GetPosition(seen[probe.Name.Text].Name.Span.Start);
                file.Report(DiagnosticCatalog.DuplicateDeclaration(probe.Name.Span, probe.Name.Text, $"as a probe on line {first.Line}"));
            }
            BindFeature(experiment, probe.Feature, candidates, file);
            if (probe.Layer.Text != ProbeWords.Layer)
            {
                file.Report(DiagnosticCatalog.UnknownProbeRead(probe.Layer.Span, $"'{probe.Layer.Text}' is not something a probe reads"));
            }
            else if (probe.Index is null)
            {
                file.Report(DiagnosticCatalog.UnknownProbeRead(probe.Layer.Span, "the layer's number is missing"));
            }
        }
        foreach (var steer in experiment.Syntax.Members.OfType<SteerMemberSyntax>())
        {
            if (KnownProbe(steer.Probe, seen, file) is { } probe && FeatureOf(probe) is { Feature: FeatureKind.Class } feature)
            {
                file.Report(DiagnosticCatalog.SteerWithoutDirection(steer.Probe.Span, probe.Name.Text, feature.Name));
            }
        }
    }

    private ComponentDescriptor? FeatureOf(ProbeMemberSyntax probe) =>
        probe.Feature.ReferencedName() is { } name ? catalog.Find(ComponentKind.ProbeFeature, name.Text) : null;

    private void BindFeature(DeclarationSymbol experiment, ExpressionSyntax feature, HashSet<string> candidates, FileDiagnostics file)
    {
        if (feature.ReferencedName() is not { } name || catalog.Find(ComponentKind.ProbeFeature, name.Text) is not { } descriptor)
        {
            var valid = catalog.OfKind(ComponentKind.ProbeFeature).Select(c => c.Name).ToList();
            var word = feature.ReferencedName()?.Text ?? experiment.Tree.Text.ToString(feature.Span);
            file.Report(DiagnosticCatalog.UnknownProbeFeature(feature.ReferencedName()?.Span ?? feature.Span, word, NameSuggestions.Closest(word, valid), valid));
            return;
        }
        symbols.AddReference(new ComponentSymbol(descriptor), experiment.Tree, name.Span);
        var arguments = feature.ArgumentList()?.Arguments ?? [];
        if (arguments.Length != descriptor.ObjectiveCount)
        {
            file.Report(DiagnosticCatalog.ProbeFeatureArguments(feature.ArgumentList()?.Span ?? feature.Span, descriptor.Name, descriptor.ObjectiveCount,
                $"{arguments.Length} {(arguments.Length == 1 ? "was" : "were")} given"));
            return;
        }
        foreach (var argument in arguments)
        {
            if (argument.Name is not null || argument.Value is not NameExpressionSyntax objective)
            {
                file.Report(DiagnosticCatalog.ProbeFeatureArguments(argument.Span, descriptor.Name, descriptor.ObjectiveCount, "this is not an objective's name"));
                continue;
            }
            if (Resolve(experiment, objective.Name, DeclarationKind.Objective) is not null && !candidates.Contains(objective.Name.Text))
            {
                file.Report(DiagnosticCatalog.ProbeObjectiveNotACandidate(objective.Name.Span, objective.Name.Text, experiment.Name));
            }
        }
    }

    private static ProbeMemberSyntax? KnownProbe(IdentifierSyntax name, IReadOnlyDictionary<string, ProbeMemberSyntax> probes, FileDiagnostics file)
    {
        if (probes.TryGetValue(name.Text, out var probe))
        {
            return probe;
        }
        file.Report(DiagnosticCatalog.UnknownProbe(name.Span, name.Text, NameSuggestions.Closest(name.Text, probes.Keys), probes.Keys));
        return null;
    }

    /// <summary><c>probe(P) &gt; chance</c>, <c>probe(P) &gt; probe(Q)</c>, <c>probe(P) &gt;= 0.8</c>.</summary>
    private static void BindProbeExpectation(DeclarationSymbol experiment, MetricComparisonSyntax comparison, FileDiagnostics file)
    {
        var probes = ProbesOf(experiment.Syntax);
        if (comparison.Metric.Objective is not { } probe)
        {
            file.Report(DiagnosticCatalog.ProbeComparison(comparison.Metric.Span, "'probe' needs the probe's name, as in probe(P)"));
            return;
        }
        KnownProbe(probe, probes, file);
        switch (comparison.Value)
        {
            case CallExpressionSyntax { Name.Text: ProbeWords.Probe, Arguments.Arguments: [{ Name: null, Value: NameExpressionSyntax other }] }:
                KnownProbe(other.Name, probes, file);
                break;
            case CallExpressionSyntax call:
                file.Report(DiagnosticCatalog.ProbeComparison(call.Span, $"'{experiment.Tree.Text.ToString(call.Span)}' is not a probe's score"));
                break;
        }
    }

    /// <summary>A probe's score is compared; across a sweep its trend is not defined (MS2057).</summary>
    private static bool IsProbeMetric(MetricSyntax metric) => metric.Name.Text == ProbeWords.Probe;

    /// <summary>In an experiment trained on a task, probes and steering are MS2056.</summary>
    private static void ReportProbesInTaskExperiment(MemberSyntax member, FileDiagnostics file)
    {
        if (member is ProbeMemberSyntax or SteerMemberSyntax)
        {
            file.Report(DiagnosticCatalog.ProbeInTaskExperiment(member.Span, member.Keyword));
        }
    }
}
