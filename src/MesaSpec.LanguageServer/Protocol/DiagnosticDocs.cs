namespace MesaSpec.LanguageServer.Protocol;

/// <summary>LSP 3.16's link from a diagnostic's code to the page that explains it.</summary>
public sealed record CodeDescription(string Href);

/// <summary>
/// Where each diagnostic code is explained: its section of docs/diagnostics.md in the repository that
/// vscode-extension/package.json names (a test keeps the two in step). Each section starts with an explicit
/// <c>&lt;a id="ms2001"&gt;</c> anchor, so a link survives a change to the section's title.
/// </summary>
public static class DiagnosticDocs
{
    public const string Page = "https://github.com/mesaspec/mesaspec/blob/main/docs/diagnostics.md";

    /// <summary>The anchor of a code's section, as docs/diagnostics.md writes it.</summary>
    public static string Anchor(string code) => code.ToLowerInvariant();

    /// <summary>The link for an <c>MSxxxx</c> code; none for the codes that do not come from analysis (a run's failed expectations).</summary>
    public static CodeDescription? For(string code) =>
        code.Length == 6 && code.StartsWith("MS", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit)
            ? new CodeDescription($"{Page}#{Anchor(code)}")
            : null;
}
