namespace MesaSpec.Reporting.Svg;

/// <summary>Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
internal static class Palette
{
    private static readonly string[] Series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>The series colours in words, for captions that name a colour (Okabe and Ito's names).</summary>
    private static readonly string[] SeriesNames = ["blue", "orange", "bluish green", "reddish purple", "sky blue", "vermilion", "yellow", "black"];

    public const string Random = "#999999";

    public const string Threshold = "#555555";

    public static string Color(int index) => Series[index % Series.Length];

    /// <summary>The name of <see cref="Color"/>'s colour for the same index.</summary>
    public static string ColorName(int index) => SeriesNames[index % SeriesNames.Length];

    public static string Verdict(string verdict) => verdict switch
    {
        "robustly_aligned" => "#009E73",
        "pseudo_aligned" => "#D55E00",
        "capability_failure" => "#7F7F7F",
        "indistinguishable" => "#0072B2",
        _ => "#E69F00",
    };
}
