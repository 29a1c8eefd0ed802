namespace MesaSpec.Language.Diagnostics;

// The codes of experiments on tasks (in-context learning as mesa-optimization): MS2060-MS2069, MS3060-MS3069.
public static partial class DiagnosticCodes
{
    public const string ComponentForOtherExperimentKind = "MS2060";
    public const string TasksAndEnvironmentsMixed = "MS2061";
    public const string UnknownReferenceLearner = "MS2062";
    public const string VerdictForOtherExperimentKind = "MS2063";
    public const string TaskDimensionMismatch = "MS3060";
    public const string NoTaskShift = "MS3061";
    public const string ObjectivesInTaskExperiment = "MS3062";
}
