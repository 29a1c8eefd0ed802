using System.Diagnostics;
using MesaSpec.LanguageServer.Protocol;
using Nerdbank.Streams;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>The real executable over stdio: what an editor starts.</summary>
public class StdioTests
{
    internal static Process Start()
    {
        var server = Path.Combine(AppContext.BaseDirectory, "mesaspec-lsp.dll");
        var start = new ProcessStartInfo("dotnet", [server])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }

    [Fact]
    public async Task The_executable_serves_diagnostics_and_hover_over_stdio_and_exits_0_after_shutdown()
    {
        using var process = Start();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var stream = FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
            await using (var client = new LspTestClient(clientStream: stream))
            {
                await client.InitializeAsync();
                await client.OpenAsync(Specs.Uri, Specs.Cheese.Replace("train on Maze", "train on Maza", StringComparison.Ordinal));
                var published = await client.DiagnosticsAsync(Specs.Uri, d => d.Diagnostics.Any(x => x.Code == "MS2001"));
                Assert.Contains("did you mean 'Maze'", published.Diagnostics.First(d => d.Code == "MS2001").Message, StringComparison.Ordinal);
                var hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(Specs.Uri), Specs.At(Specs.Cheese, "ppo")));
                Assert.Contains("Proximal Policy Optimization", hover!.Contents.Value, StringComparison.Ordinal);
                await client.ShutdownAndExitAsync();
            }
            await process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("Exception", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task The_executable_exits_1_when_told_to_exit_without_shutdown()
    {
        using var process = Start();
        try
        {
            var stream = FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
            await using (var client = new LspTestClient(clientStream: stream))
            {
                await client.InitializeAsync();
                await client.NotifyAsync("exit", null);
                await process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
            }
            Assert.Equal(1, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
