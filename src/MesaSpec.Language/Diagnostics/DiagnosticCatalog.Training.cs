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
}
