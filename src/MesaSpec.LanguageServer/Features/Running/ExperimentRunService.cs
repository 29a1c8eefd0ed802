using MesaSpec.Workspaces.Files;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.Running;

/// <summary>The outcome of <c>mesaspec.run</c>, also sent as <c>mesaspec/runFinished</c>.</summary>
public sealed record RunFinished(
    string Uri,
    string Experiment,
    string Status,
    string? ReportPath,
    string? Summary,
    bool? Passed,
    int? ExitCode,
    string? Error,
    ExpectationResult[] Expectations);

/// <summary>
/// Runs an experiment through the <c>mesaspec</c> CLI in a separate process (a crash in native training code
/// cannot take the server down), forwarding its JSON-lines progress as LSP work-done progress, killing it on
/// cancellation, and reporting failed expectations as diagnostics on their <c>expect</c> lines.
/// </summary>
public sealed class ExperimentRunService(
    IClientChannel client,
    Func<CancellationToken, Task<string?>> configuredCliPath,
    IReadOnlyList<string> roots,
    Action<string, Func<Language.Text.SourceText, IReadOnlyList<LspDiagnostic>>> publishExpectations,
    Action<string> log)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, (Process Process, CancellationTokenSource Cancel)> _running = new();

    /// <summary>The newest report per (spec path, experiment) from runs of this session.</summary>
    public ConcurrentDictionary<(string Path, string Experiment), string> LastReports { get; } = new();

    public async Task<RunFinished> RunAsync(DocumentAnalysis analysis, string experiment, CancellationToken cancellation)
    {
        var uri = analysis.Uri;
        RunFinished Failed(string error) => new(uri, experiment, "error", null, null, null, null, error, []);

        var plan = analysis.Compilation.PlanFor(experiment);
        if (plan is null)
        {
            return await TellAsync(Failed($"no experiment '{experiment}' in {Path.GetFileName(analysis.Document.Path)}"));
        }
        if (analysis.Compilation.HasErrors || !plan.IsRunnable)
        {
            return await TellAsync(Failed("the spec has errors; fix them before running (see the Problems list)"));
        }
        var configured = await configuredCliPath(cancellation);
        if (CliLocator.Find(configured) is not { } cli)
        {
            return await TellAsync(Failed(CliLocator.MissingMessage(configured)));
        }
        var specPath = analysis.Document.Path;
        if (!Path.IsPathRooted(specPath) || !File.Exists(specPath))
        {
            return await TellAsync(Failed("save the spec to a file before running it"));
        }
        if (SpecFileReader.Read(specPath).Text?.Text != analysis.Text.Text)
        {
            await client.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Warning, $"running the saved {Path.GetFileName(specPath)}; unsaved changes are not included"));
        }

        var runsFolder = ReportLocator.RunsFolder(roots, specPath);
        var outFolder = ReportLocator.NewRunFolder(runsFolder, experiment);
        var token = $"mesaspec-run-{Guid.NewGuid():N}";
        var progress = new RunProgress(plan.Points.Count * Math.Max(1, plan.Points[0].Seeds.Count));
        await BeginProgressAsync(token, experiment);

        var start = new ProcessStartInfo
        {
            FileName = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : cli,
            WorkingDirectory = Path.GetDirectoryName(runsFolder)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (start.FileName == "dotnet")
        {
            start.ArgumentList.Add(cli);
        }
        foreach (var argument in new[] { "run", specPath, "--experiment", experiment, "--progress", "jsonl", "--out", outFolder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            await EndProgressAsync(token, "could not start mesaspec");
            return await TellAsync(Failed($"could not start '{cli}': {exception.Message}"));
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _running[token] = (process, cancel);
        var stderr = new ConcurrentQueue<string>();
        try
        {
            using var kill = cancel.Token.Register(() => Kill(process));
            var errors = Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
                {
                    stderr.Enqueue(line);
                    while (stderr.Count > 40 && stderr.TryDequeue(out _))
                    {
                    }
                }
            }, CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var lastSent = -ProgressInterval;
            var lastPercentage = -1;
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                // At most five reports a second, but never skip a change of percentage or the final event.
                if (progress.Read(line) && (clock.Elapsed - lastSent >= ProgressInterval || progress.Percentage != lastPercentage || progress.Finished is not null))
                {
                    (lastSent, lastPercentage) = (clock.Elapsed, progress.Percentage);
                    await SendProgressAsync(token, new WorkDoneProgressReport(progress.Message, progress.Percentage));
                }
            }
            await process.WaitForExitAsync(CancellationToken.None);
            await errors;
        }
        finally
        {
            _running.TryRemove(token, out _);
        }

        var cancelled = cancel.IsCancellationRequested;
        var exitCode = process.ExitCode;
        process.Dispose();
        var expectations = progress.Finished is { } finished ? ExpectationResults.Read(finished).ToArray() : [];
        var reportPath = progress.ReportPath ?? (File.Exists(Path.Combine(outFolder, "report.json")) ? Path.Combine(outFolder, "report.json") : null);
        if (reportPath is not null)
        {
            LastReports[(specPath, experiment)] = reportPath;
        }
        var status = cancelled ? "cancelled" : progress.Finished is { } f && f.TryGetProperty("status", out var s) ? s.GetString() ?? "finished" : "error";
        bool? passed = progress.Finished is { } g && g.TryGetProperty("passed", out var p) ? p.ValueKind == JsonValueKind.True : null;
        var error = status == "error" ? $"mesaspec exited with code {exitCode}: {string.Join('\n', stderr.TakeLast(10))}".Trim() : null;
        await EndProgressAsync(token, cancelled ? "cancelled" : progress.Message);

        var where = reportPath ?? outFolder;
        publishExpectations(uri, text => ExpectationResults.Diagnostics(text, expectations, where));
        var result = new RunFinished(uri, experiment, status, reportPath, progress.Finished is null ? null : progress.Message, passed, exitCode, error, expectations);
        if (error is not null)
        {
            await client.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Error, error));
        }
        await client.NotifyAsync("mesaspec/runFinished", result);
        return result;
    }

    /// <summary><c>window/workDoneProgress/cancel</c>: stops the run behind the token.</summary>
    public bool Cancel(string token)
    {
        if (_running.TryGetValue(token, out var run))
        {
            run.Cancel.Cancel();
            return true;
        }
        return false;
    }

    public void StopAll()
    {
        foreach (var run in _running.Values)
        {
            run.Cancel.Cancel();
        }
    }

    private void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            log($"could not stop a run: {exception.Message}");
        }
    }

    private async Task<RunFinished> TellAsync(RunFinished failed)
    {
        await client.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Error, failed.Error!));
        await client.NotifyAsync("mesaspec/runFinished", failed);
        return failed;
    }

    private async Task BeginProgressAsync(string token, string experiment)
    {
        if (client.SupportsWorkDoneProgress)
        {
            try
            {
                await client.RequestAsync<JsonElement?>("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), CancellationToken.None);
            }
            catch (Exception exception) when (exception is StreamJsonRpc.RemoteInvocationException or StreamJsonRpc.RemoteMethodNotFoundException)
            {
                log($"client refused a progress token: {exception.Message}");
            }
        }
        await SendProgressAsync(token, new WorkDoneProgressBegin($"Running {experiment}", true, "starting", 0));
    }

    private Task EndProgressAsync(string token, string message) => SendProgressAsync(token, new WorkDoneProgressEnd(message));

    private Task SendProgressAsync(string token, object value) => client.NotifyAsync("$/progress", new ProgressParams(token, value));
}
