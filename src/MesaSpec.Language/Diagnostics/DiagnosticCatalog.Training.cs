using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

// Arithmetic on values, training mixtures and training phases.
public static partial class DiagnosticCatalog
{
    public static Diagnostic ArithmeticTooLong(TextSpan span, int limit) =>
        Error(DiagnosticCodes.ArithmeticTooLong, span, $"this arithmetic has more than {limit} operators; the file was not parsed further");

    /// <param name="reason">What went wrong, e.g. "division by zero".</param>
    public static Diagnostic ArithmeticNotFinite(TextSpan span, string reason, string what) =>
        Error(DiagnosticCodes.ArithmeticNotFinite, span, $"{what} has no finite value: {reason}");

    /// <param name="reason">Which rule the weights break, e.g. "the weight of 'Maze' is -0.5; weights must be at least 0".</param>
    public static Diagnostic MixtureWeightsInvalid(TextSpan span, string reason) =>
        Error(DiagnosticCodes.MixtureWeightsInvalid, span, $"{reason} (a mixture draws each level from one environment, with probability its weight divided by the sum of the weights)");

    /// <param name="mismatch">What differs, e.g. "grid 9 x 9 against 11 x 11".</param>
    public static Diagnostic MixtureEnvironmentsIncompatible(TextSpan span, string environment, string first, string mismatch) =>
        Error(DiagnosticCodes.MixtureEnvironmentsIncompatible, span,
            $"'{environment}' cannot be mixed with '{first}': {mismatch}; the environments of a mixture share one grid size, observation, horizon and item table, so one model and one objective fit every level");

    public static Diagnostic PhaseWithoutTraining(TextSpan span, string reason) =>
        Error(DiagnosticCodes.PhaseWithoutTraining, span, $"'then train on' fine-tunes the model of the phase before it, but {reason}");

    public static Diagnostic MixtureComponentNeverDrawn(TextSpan span, string environment, string where) =>
        Warning(DiagnosticCodes.MixtureComponentNeverDrawn, span, $"the weight of '{environment}' is 0{where}: no training level is drawn from it");

    /// <param name="remedy">What would make the model accept any grid size: an argument of it, or the models that can.</param>
    public static Diagnostic PhaseDoesNotFitModel(TextSpan span, string first, string shape, string environment, string phaseShape, string remedy) =>
        Error(DiagnosticCodes.PhaseDoesNotFitModel, span,
            $"the model is built for the {shape} observations of '{first}' (the first training phase), but '{environment}' gives {phaseShape}; every phase fine-tunes the same model, so every training environment needs the first one's observation size; {remedy}");
}
