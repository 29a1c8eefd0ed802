using System.Security.Cryptography;
using System.Text;

namespace MesaSpec.Reporting.Episodes;

/// <summary>
/// The one script of report.html (<c>EpisodeBrowser.js</c>, embedded in this assembly) and its hash: the page's
/// Content-Security-Policy allows exactly this script text and nothing else, so the page stays fetch-free and
/// injection-proof while its episode browser works.
/// </summary>
internal static class EpisodeBrowserScript
{
    public static string Text { get; } = Load();

    /// <summary>The CSP source that allows <see cref="Text"/>: <c>'sha256-...'</c> of its UTF-8 bytes.</summary>
    public static string HashSource { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))}'";

    private static string Load()
    {
        using var stream = typeof(EpisodeBrowserScript).Assembly.GetManifestResourceStream("MesaSpec.Reporting.Episodes.EpisodeBrowser.js")
            ?? throw new InvalidOperationException("EpisodeBrowser.js is not embedded in MesaSpec.Reporting");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // One line ending everywhere: the hash must not depend on how git checked the file out.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
