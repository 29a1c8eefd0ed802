namespace MesaSpec.Language.Diagnostics;

// The codes of moving items and rewards with state (issue 13): MS1015-MS1019, MS2030-MS2039, MS2044 (a cell argument), MS3030-MS3039.
public static partial class DiagnosticCodes
{
    public const string MovementTargetUnknown = "MS2030";
    public const string ConditionNeverHeld = "MS2031";
    public const string ItemCannotMove = "MS2032";
    public const string TooManyCountedRewards = "MS2033";
    public const string RelativeRegionAsTarget = "MS2034";
    public const string PlacementCycle = "MS2035";
    public const string AnchorUnknown = "MS2036";
    public const string AfterKindNeverGoes = "MS2037";
    public const string OnWithAgent = "MS2038";
    public const string OnMixedWithFreeCells = "MS2039";
    public const string CellArgumentInvalid = "MS2044";
    public const string StochasticMovementUnscorable = "MS3030";
}
