namespace MesaSpec.Language.Diagnostics;

// The codes of arithmetic, training mixtures and training phases: MS1020-MS1024, MS2040-MS2049, MS3040-MS3049.
public static partial class DiagnosticCodes
{
    public const string ArithmeticTooLong = "MS1020";
    public const string ArithmeticNotFinite = "MS2040";
}
