using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

// Probes and steering at one point of an experiment: layers checked against the model's arguments there.
internal sealed partial class ExperimentBuilder
{
    /// <summary>The point's probes and steers; null when one of them does not bind (reported).</summary>
    private (IReadOnlyList<ProbeModel> Probes, IReadOnlyList<SteerModel> Steers)? Probes(
        DeclarationSyntax syntax, PolicySource policy, IReadOnlyList<EvaluationModel> evaluations, ValueEvaluator values)
    {
        var probes = new List<ProbeModel>();
        var ok = true;
        var members = syntax.Members.OfType<ProbeMemberSyntax>().ToList();
        if (members.Count > 0 && policy is not TrainedPolicy)
        {
            values.Diagnostics.Report(DiagnosticCatalog.ProbesWithoutModel(members[0].Span, policy is OraclePolicy o ? $"oracle({o.Objective.Name})" : "random"));
        }
        foreach (var member in members)
        {
            var probe = Probe(member, policy, values);
            ok &= probe is not null;
            if (probe is not null)
            {
                probes.Add(probe);
                WarnIfConstant(member, probe, evaluations, values.Diagnostics);
            }
        }
        var steers = new List<SteerModel>();
        foreach (var steer in syntax.Members.OfType<SteerMemberSyntax>())
        {
            var scale = values.Float(steer.Scale, "the steering scale", -1e6, 1e6);
            ok &= scale is not null && probes.Any(p => p.Name == steer.Probe.Text);
            if (scale is not null)
            {
                steers.Add(new SteerModel(steer.Probe.Text, scale.Value));
            }
        }
        return ok ? (probes, steers) : null;
    }

    private ProbeModel? Probe(ProbeMemberSyntax member, PolicySource policy, ValueEvaluator values)
    {
        if (member.Feature.ReferencedName() is not { } name || catalog.Find(ComponentKind.ProbeFeature, name.Text) is not { } descriptor
            || member.Layer.Text != ProbeWords.Layer || member.Index is null)
        {
            return null;
        }
        var arguments = member.Feature.ArgumentList()?.Arguments ?? [];
        var objectives = arguments
            .Select(a => a.Value is NameExpressionSyntax n && symbols.Lookup(n.Name.Text) is { Kind: DeclarationKind.Objective } symbol ? ObjectiveFor(symbol) : null)
            .ToList();
        if (objectives.Count != descriptor.ObjectiveCount || objectives.Any(o => o is null))
        {
            return null;
        }
        var layer = values.Int(member.Index, "the layer", 1, 10_000);
        if (layer is null)
        {
            return null;
        }
        if (policy is TrainedPolicy { Model: var model })
        {
            var layers = model.Descriptor?.ReadableLayers?.Invoke(model) ?? 0;
            if (layer > layers)
            {
                values.Diagnostics.Report(DiagnosticCatalog.ProbeLayerOutOfRange(member.Index.Span, layer.Value, model.Name, layers));
                return null;
            }
        }
        var bound = descriptor.Parameters.Zip(objectives).ToDictionary(p => p.First.Name, p => new Value(p.Second!.Name));
        var feature = new ComponentModel(descriptor.Name, bound) { Descriptor = descriptor, Entry = catalog.EntryOf(descriptor) };
        return new ProbeModel(member.Name.Text, feature, objectives!, layer.Value);
    }

    /// <summary>MS3051: a cell feature of an objective whose target is one fixed cell has one class in that environment.</summary>
    private static void WarnIfConstant(ProbeMemberSyntax member, ProbeModel probe, IReadOnlyList<EvaluationModel> evaluations, FileDiagnostics diagnostics)
    {
        if (probe.Kind != FeatureKind.Class)
        {
            return;
        }
        foreach (var objective in probe.Objectives)
        {
            var fixedIn = evaluations.Select(e => e.Environment).FirstOrDefault(e => objective.GoalTarget switch
            {
                RegionTarget r => RegionMath.Cells(r.Region, e.Width, e.Height).Count == 1,
                KindTarget k => e.Items.Where(i => i.Kind == k.Kind).ToList() is [{ Count: 1 } item]
                    && (item.FixedCells?.Count == 1 || (!RegionMath.IsRelative(item.Spawn) && RegionMath.Cells(item.Spawn, e.Width, e.Height).Count == 1)),
                _ => false,
            });
            if (fixedIn is not null)
            {
                diagnostics.Report(DiagnosticCatalog.ProbeFeatureConstant(member.Feature.Span, probe.Name, objective.Name, fixedIn.DisplayName));
                return;
            }
        }
    }

    /// <summary><c>probe(P) &gt; chance | probe(Q) | number</c>; null when it does not bind (reported by the static pass or here).</summary>
    private static ExpectationBody? ProbeExpectation(MetricComparisonSyntax comparison, ValueEvaluator values)
    {
        if (comparison.Metric.Objective is not { } probe)
        {
            return null;
        }
        ProbeBound? bound = comparison.Value switch
        {
            NameExpressionSyntax { Name.Text: ProbeWords.Chance } => new ProbeChance(),
            CallExpressionSyntax { Name.Text: ProbeWords.Probe, Arguments.Arguments: [{ Name: null, Value: NameExpressionSyntax other }] } => new OtherProbe(other.Name.Text),
            CallExpressionSyntax => null,
            var number => values.Float(number, "the compared value", double.MinValue, double.MaxValue) is { } v ? new ProbeNumber(v) : null,
        };
        return bound is null ? null : new ProbeExpectation(probe.Text, ComparisonOf(comparison.Operator), bound);
    }
}
