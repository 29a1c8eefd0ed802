using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MesaSpec.Testing.Caching;

/// <summary>
/// What an outcome depends on, hashed: the engine (<see cref="EngineIdentity"/>), the experiment, the text
/// of the spec and of every file it imports, the seeds, and the settings that change results (threads,
/// device, a variant's override). Anything else (the spec's path, the time, comments moved between lines
/// of another file) is not in the key: a moved spec still hits, an edited one never does.
/// </summary>
public sealed record CacheKey(string Hash, string Description)
{
    public static CacheKey For(
        string experiment, IEnumerable<string> sourceTexts, IReadOnlyList<int> seeds, string settings, string? engine = null)
    {
        var description = new StringBuilder()
            .AppendLine("mesaspec outcome cache 1")
            .AppendLine(engine ?? EngineIdentity.Current)
            .AppendLine(CultureInfo.InvariantCulture, $"experiment {experiment}")
            .AppendLine(CultureInfo.InvariantCulture, $"seeds {string.Join(",", seeds)}")
            .AppendLine(CultureInfo.InvariantCulture, $"settings {settings}");
        foreach (var text in sourceTexts)
        {
            description.AppendLine(CultureInfo.InvariantCulture, $"source {Sha256(text)}");
        }
        var full = description.ToString();
        return new CacheKey(Sha256(full), full);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
