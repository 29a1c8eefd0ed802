namespace MesaSpec.LanguageServer.Features.Commands;

/// <summary>The <c>workspace/executeCommand</c> commands; documented in docs/language-server.md.</summary>
public static class CommandNames
{
    /// <summary>[uri, experiment] → <c>RunFinished</c>; runs through the mesaspec CLI with progress.</summary>
    public const string Run = "mesaspec.run";

    /// <summary>[uri, experiment] → the last report's expectations, published as diagnostics.</summary>
    public const string CheckExpectations = "mesaspec.checkExpectations";

    /// <summary>[uri, experiment] → paths of the last report (json, md, html).</summary>
    public const string OpenReport = "mesaspec.openReport";

    /// <summary>[uri, environment, count?] → the resolved definition and sampled levels as ASCII.</summary>
    public const string PreviewEnvironment = "mesaspec.previewEnvironment";

    public static string[] All { get; } = [Run, CheckExpectations, OpenReport, PreviewEnvironment];
}
