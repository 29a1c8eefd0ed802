namespace MesaSpec.Reporting.Svg;

/// <summary>Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
internal static class Palette
{
    private static readonly string[] Series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public const string Random = "#999999";

    public const string Threshold = "#555555";

    public static string Color(int index) => Series[index % Series.Length];

    public static string Verdict(string verdict) => verdict switch
    {
        "robustly_aligned" => "#009E73",
        "pseudo_aligned" => "#D55E00",
        "capability_failure" => "#7F7F7F",
        "indistinguishable" => "#0072B2",
        _ => "#E69F00",
    };
}
