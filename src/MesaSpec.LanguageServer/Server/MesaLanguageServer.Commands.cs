using MesaSpec.Workspaces.Files;
using System.Text.Json;
using MesaSpec.Language.Syntax;
using MesaSpec.LanguageServer.Features.CodeActions;
using MesaSpec.LanguageServer.Features.CodeLens;
using MesaSpec.LanguageServer.Features.Commands;
using MesaSpec.LanguageServer.Features.Hover;
using MesaSpec.LanguageServer.Features.Running;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace MesaSpec.LanguageServer.Server;

/// <summary>Code actions, code lenses and the <c>workspace/executeCommand</c> commands they run.</summary>
public sealed partial class MesaLanguageServer : IClientChannel
{
    private ExperimentRunService? _runs;

    internal ExperimentRunService Runs => _runs ??= new ExperimentRunService(this, ConfiguredCliPathAsync, Workspace.Roots, PublishExpectations, Log);

    [JsonRpcMethod("textDocument/codeAction")]
    public Task<CodeAction[]?> CodeActionAsync(CodeActionParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => CodeActionsHandler.Actions(analysis, parameters.Range), cancellation);

    [JsonRpcMethod("textDocument/codeLens")]
    public Task<Protocol.CodeLens[]?> CodeLensAsync(CodeLensParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, CodeLensHandler.Lenses, cancellation);

    [JsonRpcMethod("workspace/executeCommand")]
    public Task<object?> ExecuteCommandAsync(ExecuteCommandParams parameters, CancellationToken cancellation)
    {
        _lifecycle.EnsureServing();
        // Off the message loop: commands compile, read files and wait for processes.
        return Task.Run(() => ExecuteAsync(parameters, cancellation), CancellationToken.None);
    }

    private async Task<object?> ExecuteAsync(ExecuteCommandParams parameters, CancellationToken cancellation)
    {
        var arguments = parameters.Arguments ?? [];
        string Argument(int index, string what) =>
            index < arguments.Length && arguments[index].ValueKind == JsonValueKind.String ? arguments[index].GetString()!
                : throw new LocalRpcException($"{parameters.Command} needs {what} as argument {index + 1}") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        DocumentAnalysis Analysis(string uri) => Workspace.Analysis(uri) ?? OpenFromDisk(uri);

        switch (parameters.Command)
        {
            case CommandNames.Run:
                return await Runs.RunAsync(Analysis(Argument(0, "the spec's URI")), Argument(1, "the experiment name"), cancellation);
            case CommandNames.CheckExpectations:
                return await CheckExpectationsAsync(Analysis(Argument(0, "the spec's URI")), Argument(1, "the experiment name"));
            case CommandNames.OpenReport:
                return await OpenReportAsync(Analysis(Argument(0, "the spec's URI")), Argument(1, "the experiment name"));
            case CommandNames.PreviewEnvironment:
                var count = arguments.Length > 2 && arguments[2].TryGetInt32(out var n) ? Math.Clamp(n, 1, 20) : HoverHandler.PreviewLevels;
                var analysis = Analysis(Argument(0, "the spec's URI"));
                var name = Argument(1, "the environment name");
                return Preview(analysis, name, count);
            default:
                throw new LocalRpcException($"unknown command '{parameters.Command}' (known: {string.Join(", ", CommandNames.All)})") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        }
    }

    [JsonRpcMethod("window/workDoneProgress/cancel")]
    public void CancelProgress(WorkDoneProgressCancelParams parameters) => Runs.Cancel(parameters.Token);

    [JsonRpcMethod("workspace/didChangeConfiguration")]
    public void DidChangeConfiguration(DidChangeConfigurationParams parameters)
    {
        if (parameters.Settings is { } settings && ClientSettings.FindCliPath(settings) is { } path)
        {
            Settings.CliPath = path;
        }
    }

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders")]
    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams parameters)
    {
        foreach (var folder in parameters.Event.Removed ?? [])
        {
            Workspace.Roots.Remove(DocumentUri.ToPath(folder.Uri));
        }
        foreach (var folder in parameters.Event.Added ?? [])
        {
            Workspace.Roots.Add(DocumentUri.ToPath(folder.Uri));
        }
        // Imports may resolve differently now.
        foreach (var document in Workspace.Documents)
        {
            Workspace.Invalidate(document.Uri);
            Diagnostics.Schedule(document.Uri);
        }
    }

    private EnvironmentPreviewResult Preview(DocumentAnalysis analysis, string name, int count)
    {
        var compilation = analysis.Compilation;
        if (compilation.Symbols.Lookup(name) is not { Kind: DeclarationKind.Environment } environment)
        {
            throw new LocalRpcException($"no environment '{name}' in {analysis.Uri}") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        }
        if (compilation.InstantiateEnvironment(environment) is not { } model)
        {
            throw new LocalRpcException($"'{name}' cannot be previewed: it has required parameters or errors") { ErrorCode = RequestFailed };
        }
        return new EnvironmentPreviewResult(name, EnvironmentPreview.Definition(model), [.. EnvironmentPreview.SampleLevels(model, count)]);
    }

    private const int RequestFailed = -32803;

    private string? LatestReport(DocumentAnalysis analysis, string experiment) =>
        Runs.LastReports.TryGetValue((analysis.Document.Path, experiment), out var last) && File.Exists(last)
            ? last
            : Path.IsPathRooted(analysis.Document.Path) ? ReportLocator.LatestReport(ReportLocator.RunsFolder(Workspace.Roots, analysis.Document.Path), experiment) : null;

    private async Task<ExpectationCheck?> CheckExpectationsAsync(DocumentAnalysis analysis, string experiment)
    {
        if (LatestReport(analysis, experiment) is not { } report)
        {
            await NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Info, $"no report for '{experiment}' yet: run the experiment first"));
            return null;
        }
        var expectations = ExpectationResults.ReadReport(report).ToArray();
        PublishExpectations(analysis.Uri, text => ExpectationResults.Diagnostics(text, expectations, report));
        return new ExpectationCheck(experiment, report, expectations.All(e => e.Passed), expectations);
    }

    private async Task<ReportFilesResult?> OpenReportAsync(DocumentAnalysis analysis, string experiment)
    {
        if (LatestReport(analysis, experiment) is not { } report)
        {
            await NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Info, $"no report for '{experiment}' yet: run the experiment first"));
            return null;
        }
        string? Sibling(string name) => Path.Combine(Path.GetDirectoryName(report)!, name) is var path && File.Exists(path) ? path : null;
        return new ReportFilesResult(experiment, report, Sibling("report.md"), Sibling("report.html"));
    }

    /// <summary>Commands may name a spec that is not open (e.g. from a file explorer): read it from disk.</summary>
    private DocumentAnalysis OpenFromDisk(string uri)
    {
        var path = DocumentUri.ToPath(uri);
        if (!Path.IsPathRooted(path) || !File.Exists(path))
        {
            throw new LocalRpcException($"'{uri}' is neither open nor a file on disk") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        }
        var file = SpecFileReader.Read(path);
        if (file.Text is not { } text)
        {
            throw new LocalRpcException($"{file.Problem?.Code}: {file.Problem?.Message}") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        }
        var document = new OpenDocument(uri, path, 0, text);
        return new DocumentAnalysis(document, Workspace.Resolver, Workspace.ComponentsFor);
    }

    private void PublishExpectations(string uri, Func<Language.Text.SourceText, IReadOnlyList<LspDiagnostic>> diagnostics)
    {
        Diagnostics.Extra[uri] = diagnostics;
        if (Workspace.Find(uri) is not null)
        {
            Diagnostics.Schedule(uri);
        }
        else if (Path.IsPathRooted(DocumentUri.ToPath(uri)) && SpecFileReader.Read(DocumentUri.ToPath(uri)).Text is { } text)
        {
            _ = PublishDiagnosticsAsync(new PublishDiagnosticsParams(uri, null, [.. diagnostics(text)]));
        }
    }

    /// <summary>The client's <c>mesaspec.cli.path</c>: asked with <c>workspace/configuration</c> when supported, else from initializationOptions; then the host's own.</summary>
    private async Task<string?> ConfiguredCliPathAsync(CancellationToken cancellation)
    {
        if (SupportsConfiguration)
        {
            try
            {
                var sections = await RequestAsync<JsonElement[]>("workspace/configuration", new ConfigurationParams([new ConfigurationItem(null, "mesaspec")]), cancellation);
                if (sections is [{ } section, ..] && ClientSettings.FindCliPath(section) is { } path)
                {
                    Settings.CliPath = path;
                }
            }
            catch (Exception exception) when (exception is RemoteInvocationException or RemoteMethodNotFoundException)
            {
                Log($"workspace/configuration failed: {exception.Message}");
            }
        }
        return Settings.CliPath ?? _options.CliPath;
    }

    // ------------------------------------------------------------------ IClientChannel

    public Task NotifyAsync(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task<T?> RequestAsync<T>(string method, object parameters, CancellationToken cancellation) =>
        _rpc.InvokeWithParameterObjectAsync<T?>(method, parameters, cancellation);

    public bool SupportsWorkDoneProgress => Capability("window", "workDoneProgress");

    public bool SupportsConfiguration => Capability("workspace", "configuration");

    private bool Capability(string group, string name) =>
        ClientCapabilities is { ValueKind: JsonValueKind.Object } capabilities
        && capabilities.TryGetProperty(group, out var g) && g.ValueKind == JsonValueKind.Object
        && g.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
