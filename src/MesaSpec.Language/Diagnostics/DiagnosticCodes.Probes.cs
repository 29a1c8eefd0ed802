namespace MesaSpec.Language.Diagnostics;

// The codes of representation probes and steering (RL models): MS2050-MS2059, MS3050-MS3059.
public static partial class DiagnosticCodes
{
    public const string UnknownProbeFeature = "MS2050";
    public const string ProbeFeatureArguments = "MS2051";
    public const string ProbeObjectiveNotACandidate = "MS2052";
    public const string ProbeLayerOutOfRange = "MS2053";
    public const string UnknownProbe = "MS2054";
    public const string SteerWithoutDirection = "MS2055";
    public const string ProbeInTaskExperiment = "MS2056";
    public const string ProbeComparison = "MS2057";
    public const string UnknownProbeRead = "MS2058";
    public const string ProbesWithoutModel = "MS3050";
    public const string ProbeFeatureConstant = "MS3051";
}
