using System.Reflection;

namespace MesaSpec.Language.Versioning;

/// <summary>
/// The version of MesaSpec, as <c>Directory.Build.props</c> sets it for every assembly: what <c>mesaspec --version</c>,
/// the language server's <c>serverInfo</c>, report.json's <c>engineVersion</c> and the run history show.
/// </summary>
public static class MesaSpecVersion
{
    public static string Current { get; } = Read(typeof(MesaSpecVersion).Assembly);

    /// <summary>An assembly's informational version without build metadata (<c>+commit</c>), else its numeric version.</summary>
    internal static string Read(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
