using System.Globalization;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Builds a training phase's distribution: one environment, or a <c>mix(...)</c> whose weights are folded at this
/// point of the sweep, checked (at least 0, a positive sum) and normalised to shares, and whose environments must
/// agree on everything one model and one objective depend on (MS2042).
/// </summary>
internal sealed class MixtureBuilder
{
    public TrainingDistribution? Distribution(ExpressionSyntax syntax, ValueEvaluator values, Func<ExpressionSyntax, ValueEvaluator, EnvironmentModel?> environment)
    {
        if (syntax is not MixtureExpressionSyntax mixture)
        {
            return environment(syntax, values) is { } single ? TrainingDistribution.Of(single) : null;
        }
        var ok = mixture.Components.Length > 0; // an empty mixture was reported by the binder
        var parts = new List<(EnvironmentModel Environment, double Weight, MixtureComponentSyntax Syntax)>();
        foreach (var component in mixture.Components)
        {
            var name = component.Environment.ReferencedName()?.Text ?? "?";
            var model = environment(component.Environment, values);
            var weight = values.Float(component.Weight, $"the weight of '{name}'", double.MinValue, double.MaxValue);
            if (weight < 0)
            {
                values.Diagnostics.Report(DiagnosticCatalog.MixtureWeightsInvalid(component.Weight.Span,
                    $"the weight of '{name}' is {weight.Value.ToString(CultureInfo.InvariantCulture)}; weights must be at least 0"));
                weight = null;
            }
            else if (weight == 0 && !component.Weight.DescendantsAndSelf().Any(n => n is NameExpressionSyntax))
            {
                // A weight that is 0 only at some point of a sweep is a control; a constant 0 is a slip.
                values.Diagnostics.Report(DiagnosticCatalog.MixtureComponentNeverDrawn(component.Weight.Span, name, ""));
            }
            ok &= model is not null && weight is not null;
            if (model is not null && weight is not null)
            {
                parts.Add((model, weight.Value, component));
            }
        }
        if (!ok)
        {
            return null;
        }
        var total = parts.Sum(p => p.Weight);
        if (!(total > 0) || !double.IsFinite(total))
        {
            values.Diagnostics.Report(DiagnosticCatalog.MixtureWeightsInvalid(mixture.Span, total > 0
                ? "the weights sum beyond the range of numbers"
                : "the weights sum to 0; at least one must be above 0"));
            return null;
        }
        var first = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (Mismatch(first.Environment, part.Environment) is { } mismatch)
            {
                values.Diagnostics.Report(DiagnosticCatalog.MixtureEnvironmentsIncompatible(part.Syntax.Environment.Span,
                    part.Environment.DisplayName, first.Environment.DisplayName, mismatch));
                ok = false;
            }
        }
        return ok ? new TrainingDistribution([.. parts.Select(p => new MixtureComponent(p.Environment, p.Weight / total))]) : null;
    }

    /// <summary>What differs between two environments that one vector environment cannot hide, in words; null when nothing does.</summary>
    internal static string? Mismatch(EnvironmentModel first, EnvironmentModel other)
    {
        if (first.Width != other.Width || first.Height != other.Height)
        {
            return $"its grid is {other.Width} x {other.Height}, not {first.Width} x {first.Height}";
        }
        if (first.Observation != other.Observation)
        {
            return $"its observation is {Describe(other.Observation)}, not {Describe(first.Observation)}";
        }
        if (first.Horizon != other.Horizon)
        {
            return $"its horizon is {other.Horizon}, not {first.Horizon}";
        }
        var kinds = Items(other);
        var expected = Items(first);
        if (!kinds.SequenceEqual(expected))
        {
            return $"its items are {string.Join(", ", kinds)}, not {string.Join(", ", expected)} (same kinds, counts, attributes and behaviours, in the same order)";
        }
        return null;
    }

    private static string Describe(ObservationModel observation) => observation is WindowObservation w ? $"window({w.Size})" : "full";

    private static List<string> Items(EnvironmentModel environment) =>
        [.. environment.Items.Select(i =>
            $"{i.Kind} x{i.FixedCells?.Count ?? i.Count}"
            + (i.Colour is null ? "" : " " + i.Colour)
            + (i.Shape is null ? "" : " " + i.Shape)
            + " " + i.Behaviour.ToString().ToLowerInvariant()
            + (i.Opens is null ? "" : " opens " + i.Opens))];
}
