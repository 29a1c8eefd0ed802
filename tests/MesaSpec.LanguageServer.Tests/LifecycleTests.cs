using System.Text.Json;
using MesaSpec.LanguageServer.Server;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Initialize_announces_standard_capabilities_and_incremental_sync()
    {
        await using var client = new LspTestClient();
        var result = await client.InitializeAsync();
        var capabilities = result.GetProperty("capabilities");
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        Assert.True(capabilities.TryGetProperty("completionProvider", out _));
        Assert.True(capabilities.TryGetProperty("signatureHelpProvider", out _));
        Assert.Equal("mesaspec-lsp", result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal(MesaSpec.Language.Versioning.MesaSpecVersion.Current, result.GetProperty("serverInfo").GetProperty("version").GetString());
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Exit_after_shutdown_ends_with_code_0()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.ShutdownAndExitAsync();
        Assert.Equal(0, await client.ServerRun.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.ServerRun.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Requests_after_shutdown_get_InvalidRequest()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.RequestAsync<object?>("shutdown", null);
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.RequestAsync<JsonElement?>("textDocument/hover", new { textDocument = new { uri = Specs.Uri }, position = new { line = 0, character = 0 } }));
        Assert.Equal((int)JsonRpcErrorCode.InvalidRequest, error.ErrorCode);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.ServerRun.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Requests_before_initialize_get_ServerNotInitialized()
    {
        await using var client = new LspTestClient();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.RequestAsync<JsonElement?>("textDocument/hover", new { textDocument = new { uri = Specs.Uri }, position = new { line = 0, character = 0 } }));
        Assert.Equal(ServerLifecycle.ServerNotInitialized, error.ErrorCode);
        await client.NotifyAsync("exit", null);
    }

    [Fact]
    public async Task Unknown_methods_get_MethodNotFound_and_unknown_notifications_are_ignored()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync<object?>("textDocument/noSuchThing", new { }));
        await client.NotifyAsync("$/somethingNew", new { });
        await client.RequestAsync<JsonElement?>("textDocument/hover", new { textDocument = new { uri = Specs.Uri }, position = new { line = 0, character = 0 } });
        await client.ShutdownAndExitAsync();
    }
}
