using System.Globalization;
using System.Net;

namespace MesaSpec.Reporting.Svg;

/// <summary>Formatting shared by every drawing: invariant numbers with few digits, escaped text.</summary>
internal static class SvgText
{
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A tick label: integers plain, large numbers with k/M, others with two significant decimals.</summary>
    public static string Tick(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e6)
        {
            return (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M";
        }
        if (magnitude >= 1e4)
        {
            return (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k";
        }
        return value.ToString(magnitude >= 10 || value == Math.Round(value) ? "0" : "0.0#", CultureInfo.InvariantCulture);
    }
}
