namespace MesaSpec.Language.Diagnostics;

// The codes of arithmetic, training mixtures and training phases: MS1020-MS1024, MS2040-MS2049, MS3040-MS3049.
public static partial class DiagnosticCodes
{
    public const string ArithmeticTooLong = "MS1020";
    public const string ArithmeticNotFinite = "MS2040";
    public const string MixtureWeightsInvalid = "MS2041";
    public const string MixtureEnvironmentsIncompatible = "MS2042";
    public const string PhaseWithoutTraining = "MS2043";
    public const string MixtureComponentNeverDrawn = "MS3040";
    public const string PhaseDoesNotFitModel = "MS3041";
}
