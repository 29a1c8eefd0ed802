namespace MesaSpec.Language.Diagnostics;

// The codes of models with memory and thinking time: MS2049 (the top of the training range MS2040-MS2049).
public static partial class DiagnosticCodes
{
    public const string ThinkingOnTask = "MS2049";
}
