using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

// Representation probes and steering (RL models).
public static partial class DiagnosticCatalog
{
    public static Diagnostic UnknownProbeFeature(TextSpan span, string name, string? suggestion, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.UnknownProbeFeature, span,
            $"unknown probe feature '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (available: {Join(valid)})",
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic ProbeFeatureArguments(TextSpan span, string feature, int expected, string actual) =>
        Error(DiagnosticCodes.ProbeFeatureArguments, span,
            $"the feature '{feature}' takes {(expected == 1 ? "one objective name" : $"{expected} objective names")}, but {actual}");

    public static Diagnostic ProbeObjectiveNotACandidate(TextSpan span, string objective, string experiment) =>
        Error(DiagnosticCodes.ProbeObjectiveNotACandidate, span,
            $"'{objective}' is not the base or a mesa objective of '{experiment}': a probe reads a feature of the objectives the experiment compares");

    public static Diagnostic ProbeLayerOutOfRange(TextSpan span, int layer, string model, int layers) =>
        Error(DiagnosticCodes.ProbeLayerOutOfRange, span, layers == 0
            ? $"the model '{model}' has no layers a probe can read"
            : $"layer {layer} does not exist: '{model}' here has trunk layers 1 to {layers}");

    public static Diagnostic UnknownProbe(TextSpan span, string name, string? suggestion, IEnumerable<string> probes) =>
        Error(DiagnosticCodes.UnknownProbe, span,
            $"this experiment declares no probe '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")
            + (probes.Any() ? $" (probes: {Join(probes)})" : "; declare one with 'probe NAME: FEATURE(OBJECTIVE) at layer K'"),
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic SteerWithoutDirection(TextSpan span, string probe, string feature) =>
        Error(DiagnosticCodes.SteerWithoutDirection, span,
            $"probe '{probe}' reads '{feature}', a class per cell with one direction each: steering needs a probe with one direction (a value such as distance_to, or a yes/no such as closer)");

    public static Diagnostic ProbeInTaskExperiment(TextSpan span, string member) =>
        Error(DiagnosticCodes.ProbeInTaskExperiment, span,
            $"'{member}' reads the layers of a model acting in environments; an experiment trained on a task is judged against reference learners instead");

    public static Diagnostic ProbeComparison(TextSpan span, string detail) =>
        Error(DiagnosticCodes.ProbeComparison, span, $"{detail}: compare a probe with a number, 'chance' or another probe, e.g. 'probe(P) > chance'");

    public static Diagnostic UnknownProbeRead(TextSpan span, string detail) =>
        Error(DiagnosticCodes.UnknownProbeRead, span, $"{detail}: a probe reads 'at layer K', a trunk layer numbered from 1");

    public static Diagnostic ProbesWithoutModel(TextSpan span, string policy) =>
        Warning(DiagnosticCodes.ProbesWithoutModel, span,
            $"the reference policy '{policy}' has no layers: its probes and steering are not measured (train a model with 'train on ... with mlp(...)')");

    public static Diagnostic ProbeFeatureConstant(TextSpan span, string probe, string objective, string environment) =>
        Warning(DiagnosticCodes.ProbeFeatureConstant, span,
            $"the target of '{objective}' is one fixed cell in '{environment}': probe '{probe}' has a single class there, so it scores chance whatever the model represents");
}
