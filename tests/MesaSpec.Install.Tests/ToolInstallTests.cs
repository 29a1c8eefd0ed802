using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using MesaSpec.Install.Tests.Support;

namespace MesaSpec.Install.Tests;

/// <summary>
/// The dotnet tool straight after <c>dotnet tool install MesaSpec.Cli --tool-path T --add-source FEED</c>: its version,
/// a trained run (TorchSharp's native libraries load on this Debian), the language server with a real client
/// message, and shell completion.
/// </summary>
[Collection(InstalledCollection.Name)]
public sealed partial class ToolInstallTests(InstalledMesaSpec installed)
{
    [Fact]
    public void The_installed_tool_has_the_repository_version()
    {
        var result = installed.Run(installed.Root, "--version").Succeeded();
        Assert.Equal(RepositoryRoot.Version, result.Out.Trim());
    }

    [Fact]
    public void The_installed_tool_trains_and_reports_an_example_with_a_tiny_budget()
    {
        var folder = installed.Folder("run-" + Guid.NewGuid().ToString("N")[..8]);
        // examples/coin-at-the-end.mesa with a budget of seconds: PPO, an mlp, TorchSharp on the CPU.
        var example = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "coin-at-the-end.mesa"));
        var tiny = Episodes().Replace(Steps().Replace(example, "steps: 1024"), "episodes 4");
        File.WriteAllText(Path.Combine(folder, "coin.mesa"), tiny);

        var result = installed.Run(folder, "run", "coin.mesa", "--seeds", "1", "--progress", "lines", "--out", "out", "--jobs", "1");

        // With a budget this small the expectations may fail (exit 1); the run itself must finish.
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.DoesNotContain("TypeInitializationException", result.Out + result.Error, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "report.json")));
        Assert.Equal("finished", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(RepositoryRoot.Version, report.RootElement.GetProperty("engineVersion").GetString());
        var training = report.RootElement.GetProperty("points")[0].GetProperty("training")[0];
        Assert.True(training.GetProperty("steps").GetInt64() >= 1024);
        Assert.True(File.Exists(training.GetProperty("checkpoint").GetString()), "the trained model's checkpoint is written");
    }

    [Fact]
    public async Task The_installed_tool_serves_the_language_server_over_stdio()
    {
        var start = Processes.Start(installed.Mesaspec, ["lsp"], installed.Root);
        start.RedirectStandardInput = true;
        using var server = Process.Start(start)!;
        var log = server.StandardError.ReadToEndAsync();
        try
        {
            var client = new LspClient(server);
            var limit = TimeSpan.FromMinutes(1);
            var initialized = await client.RequestAsync("initialize", new { processId = Environment.ProcessId, rootUri = (string?)null, capabilities = new { } }, limit);
            var info = initialized.GetProperty("result").GetProperty("serverInfo");
            Assert.Equal("mesaspec-lsp", info.GetProperty("name").GetString());
            Assert.Equal(RepositoryRoot.Version, info.GetProperty("version").GetString());
            Assert.True(initialized.GetProperty("result").GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
            await client.NotifyAsync("initialized", new { });
            await client.RequestAsync("shutdown", new { }, limit);
            await client.NotifyAsync("exit", null);
            Assert.True(server.WaitForExit(TimeSpan.FromSeconds(30)), "the server ends after exit");
            Assert.True(server.ExitCode == 0, await log);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void Bash_completion_from_the_installed_tool_completes_options()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/bash"))
        {
            return;
        }
        var script = installed.Run(installed.Root, "completion", "bash").Succeeded().Out;
        var result = Processes.Run("/bin/bash", [], installed.Root, InstalledMesaSpec.StepLimit,
            new Dictionary<string, string?> { ["PATH"] = installed.ToolPath + ":" + Environment.GetEnvironmentVariable("PATH") },
            input: script + "\nCOMP_LINE='mesaspec run x.mesa --pro'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(mesaspec run x.mesa --pro); COMP_CWORD=3\n"
                + "_mesaspec_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n").Succeeded();
        Assert.Equal("--progress", result.Out.Trim());
    }

    [GeneratedRegex(@"steps: \d+k?")]
    private static partial Regex Steps();

    [GeneratedRegex(@"episodes \d+")]
    private static partial Regex Episodes();
}
