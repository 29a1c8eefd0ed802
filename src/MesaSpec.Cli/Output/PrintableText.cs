using System.Globalization;
using System.Text;

namespace MesaSpec.Cli.Output;

/// <summary>
/// Text that must stay on one line of output: a file name with a newline would otherwise break
/// <c>path:line:col: error ...</c> for every tool that reads it. Control characters and Unicode line breaks are
/// written as escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u2028</c>); everything else, backslashes too (they
/// separate folders on Windows), is left alone.
/// </summary>
public static class PrintableText
{
    public static string OneLine(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return result.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
