using MesaSpec.Gridworld.Analysis;
using MesaSpec.Language.Binding;
using MesaSpec.LanguageServer.Features.Completion;
using MesaSpec.LanguageServer.Features.Diagnostics;
using MesaSpec.LanguageServer.Features.Formatting;
using MesaSpec.LanguageServer.Features.Hover;
using MesaSpec.LanguageServer.Features.InlayHints;
using MesaSpec.LanguageServer.Features.Navigation;
using MesaSpec.LanguageServer.Features.Rename;
using MesaSpec.LanguageServer.Features.SemanticTokens;
using MesaSpec.LanguageServer.Features.Structure;
using MesaSpec.LanguageServer.Features.Symbols;
using MesaSpec.LanguageServer.Features.SignatureHelp;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;
using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Server;

/// <summary>
/// The JSON-RPC target: one method per LSP message, each a thin call into its feature (Features/*). State
/// changes (open/change/close) are synchronous and run in arrival order; requests take an immutable analysis
/// and compute on the thread pool.
/// </summary>
public sealed partial class MesaLanguageServer
{
    private readonly JsonRpc _rpc;
    private readonly ServerOptions _options;
    private readonly ServerLifecycle _lifecycle = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal MesaLanguageServer(JsonRpc rpc, ServerOptions options)
    {
        _rpc = rpc;
        _options = options;
        IReadOnlyList<IExperimentAnalyzer> slow = options.IdentifiabilityLevels > 0 ? [new CachedExperimentAnalyzer(new IdentifiabilityExperimentAnalyzer(options.IdentifiabilityLevels)), new CachedExperimentAnalyzer(new CurriculumExperimentAnalyzer())] : [];
        Diagnostics = new DiagnosticsScheduler(Workspace, PublishDiagnosticsAsync, slow, options.DiagnosticsDebounce, Log);
    }

    public ServerWorkspace Workspace { get; } = new();

    public DiagnosticsScheduler Diagnostics { get; }

    /// <summary>Completes with the process exit code when <c>exit</c> arrives.</summary>
    public Task<int> Exited => _exited.Task;

    // ------------------------------------------------------------------ lifecycle

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        _lifecycle.Initialize();
        foreach (var folder in parameters.WorkspaceFolders ?? [])
        {
            Workspace.Roots.Add(DocumentUri.ToPath(folder.Uri));
        }
        if (Workspace.Roots.Count == 0 && (parameters.RootUri ?? parameters.RootPath) is { } root)
        {
            Workspace.Roots.Add(parameters.RootUri is null ? Path.GetFullPath(root) : DocumentUri.ToPath(root));
        }
        Settings.ReadInitializationOptions(parameters.InitializationOptions);
        Workspace.Trusted = Settings.TrustedWorkspace;
        ClientCapabilities = parameters.Capabilities?.Clone();
        return new InitializeResult(Capabilities.Create(), new ServerInfo("mesaspec-lsp", MesaSpec.Language.Versioning.MesaSpecVersion.Current));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized()
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _lifecycle.Shutdown();
        StopRuns();
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult(_lifecycle.IsShutDown ? 0 : 1);

    // ------------------------------------------------------------------ documents

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (!_lifecycle.IsInitialized || _lifecycle.IsShutDown)
        {
            return;
        }
        var document = parameters.TextDocument;
        var dependents = Workspace.Open(document.Uri, document.Version, document.Text);
        ScheduleDiagnostics(document.Uri, dependents);
    }

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (!_lifecycle.IsInitialized || _lifecycle.IsShutDown)
        {
            return;
        }
        var document = parameters.TextDocument;
        if (Workspace.Change(document.Uri, document.Version, parameters.ContentChanges) is { } dependents)
        {
            ScheduleDiagnostics(document.Uri, dependents);
        }
        else
        {
            Log($"change to a document that is not open: {document.Uri}");
        }
    }

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(DidSaveTextDocumentParams parameters)
    {
        if (!_lifecycle.IsInitialized || _lifecycle.IsShutDown || Workspace.Find(parameters.TextDocument.Uri) is not { } document)
        {
            return;
        }
        var dependents = parameters.Text is { } text && text != document.Text.Text
            ? Workspace.Open(document.Uri, document.Version, text)
            : Workspace.DependentsOf(document.Path);
        ScheduleDiagnostics(document.Uri, dependents);
    }

    [JsonRpcMethod("textDocument/didClose")]
    public async Task DidCloseAsync(DidCloseTextDocumentParams parameters)
    {
        if (!_lifecycle.IsInitialized)
        {
            return;
        }
        var dependents = Workspace.Close(parameters.TextDocument.Uri);
        foreach (var uri in dependents)
        {
            Diagnostics.Schedule(uri);
        }
        await Diagnostics.ClearAsync(parameters.TextDocument.Uri);
    }

    private void ScheduleDiagnostics(string uri, IReadOnlyList<string> dependents)
    {
        Diagnostics.Schedule(uri);
        foreach (var dependent in dependents.Where(d => d != uri))
        {
            Diagnostics.Schedule(dependent);
        }
    }

    // ------------------------------------------------------------------ language features

    [JsonRpcMethod("textDocument/hover")]
    public Task<Hover?> HoverAsync(HoverParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => HoverHandler.Hover(analysis, parameters.Position), cancellation);

    [JsonRpcMethod("textDocument/completion")]
    public Task<CompletionList?> CompletionAsync(CompletionParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => CompletionHandler.Complete(analysis, parameters.Position, parameters.Context?.TriggerCharacter), cancellation);

    [JsonRpcMethod("textDocument/signatureHelp")]
    public Task<SignatureHelp?> SignatureHelpAsync(SignatureHelpParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => SignatureHelpHandler.Help(analysis, parameters.Position), cancellation);

    [JsonRpcMethod("textDocument/definition")]
    public Task<Location[]?> DefinitionAsync(DefinitionParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => NavigationHandler.Definition(Workspace, analysis, parameters.Position), cancellation);

    [JsonRpcMethod("textDocument/references")]
    public Task<Location[]?> ReferencesAsync(ReferenceParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => NavigationHandler.References(Workspace, analysis, parameters.Position, parameters.Context?.IncludeDeclaration ?? true), cancellation);

    [JsonRpcMethod("textDocument/prepareRename")]
    public Task<PrepareRenameResult?> PrepareRenameAsync(PrepareRenameParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => RenameHandler.Prepare(analysis, parameters.Position), cancellation);

    [JsonRpcMethod("textDocument/rename")]
    public Task<WorkspaceEdit?> RenameAsync(RenameParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => RenameHandler.Rename(Workspace, analysis, parameters.Position, parameters.NewName), cancellation);

    [JsonRpcMethod("textDocument/documentSymbol")]
    public Task<DocumentSymbol[]?> DocumentSymbolAsync(DocumentSymbolParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, SymbolsHandler.DocumentSymbols, cancellation);

    [JsonRpcMethod("workspace/symbol")]
    public Task<SymbolInformation[]> WorkspaceSymbolAsync(WorkspaceSymbolParams parameters, CancellationToken cancellation)
    {
        _lifecycle.EnsureServing();
        return Task.Run(() => SymbolsHandler.WorkspaceSymbols(Workspace, parameters.Query ?? "", cancellation), cancellation);
    }

    [JsonRpcMethod("textDocument/foldingRange")]
    public Task<FoldingRange[]?> FoldingRangeAsync(FoldingRangeParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, StructureHandler.FoldingRanges, cancellation);

    [JsonRpcMethod("textDocument/selectionRange")]
    public Task<SelectionRange[]?> SelectionRangeAsync(SelectionRangeParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => StructureHandler.SelectionRanges(analysis, parameters.Positions), cancellation);

    [JsonRpcMethod("textDocument/semanticTokens/full")]
    public Task<SemanticTokens?> SemanticTokensFullAsync(SemanticTokensParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, SemanticTokensHandler.Full, cancellation);

    [JsonRpcMethod("textDocument/semanticTokens/range")]
    public Task<SemanticTokens?> SemanticTokensRangeAsync(SemanticTokensRangeParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => SemanticTokensHandler.Range(analysis, parameters.Range), cancellation);

    [JsonRpcMethod("textDocument/formatting")]
    public Task<TextEdit[]?> FormattingAsync(DocumentFormattingParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, FormattingHandler.Format, cancellation);

    [JsonRpcMethod("textDocument/rangeFormatting")]
    public Task<TextEdit[]?> RangeFormattingAsync(DocumentRangeFormattingParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => FormattingHandler.FormatRange(analysis, parameters.Range), cancellation);

    [JsonRpcMethod("textDocument/inlayHint")]
    public Task<InlayHint[]?> InlayHintAsync(InlayHintParams parameters, CancellationToken cancellation) =>
        ReadAsync(parameters.TextDocument.Uri, analysis => InlayHintsHandler.Hints(analysis, parameters.Range), cancellation);

    // ------------------------------------------------------------------ plumbing

    internal System.Text.Json.JsonElement? ClientCapabilities { get; private set; }

    internal ClientSettings Settings { get; } = new();

    /// <summary>Runs a read-only feature on the document's current analysis, off the message loop.</summary>
    private Task<T?> ReadAsync<T>(string uri, Func<DocumentAnalysis, T?> feature, CancellationToken cancellation) where T : class
    {
        _lifecycle.EnsureServing();
        if (Workspace.Analysis(uri) is not { } analysis)
        {
            return Task.FromResult<T?>(null);
        }
        return Task.Run(() =>
        {
            try
            {
                return feature(analysis);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log($"{typeof(T).Name} request failed for {uri}: {exception}");
                throw;
            }
        }, cancellation);
    }

    private Task PublishDiagnosticsAsync(PublishDiagnosticsParams diagnostics) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", diagnostics);

    internal void Log(string message)
    {
        lock (_options.Log)
        {
            _options.Log.WriteLine($"[mesaspec-lsp] {message}");
            _options.Log.Flush();
        }
    }

    /// <summary>Stops every experiment run this server started (on shutdown and exit).</summary>
    public void StopRuns() => _runs?.StopAll();
}
