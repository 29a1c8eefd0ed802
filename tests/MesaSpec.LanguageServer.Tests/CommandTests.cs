using System.Text.Json;
using MesaSpec.LanguageServer.Features.Commands;
using MesaSpec.LanguageServer.Features.Running;
using MesaSpec.LanguageServer.Protocol;

namespace MesaSpec.LanguageServer.Tests;

public class CommandTests
{
    private static JsonElement[] Arguments(params object[] values) => [.. values.Select(v => LspJson.Element(v))];

    [Fact]
    public async Task Quick_fixes_come_from_the_diagnostics_fixes_and_declare_missing_names()
    {
        var text = Specs.Cheese.Replace("train on Maze", "train on Maza", StringComparison.Ordinal).Replace("mesa objective GoToCorner", "mesa objective GoToCorner, Hoard", StringComparison.Ordinal);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var typo = Specs.At(text, "Maza");
        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(Specs.Uri), new Protocol.Range(typo, typo)));
        var change = Assert.Single(actions, a => a.Title == "Change to 'Maze'");
        Assert.Equal("quickfix", change.Kind);
        Assert.Equal("Maze", Assert.Single(change.Edit!.Changes[Specs.Uri]).NewText);
        Assert.Equal("MS2001", Assert.Single(change.Diagnostics!).Code);

        var missing = Specs.At(text, "Hoard");
        var declare = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(Specs.Uri), new Protocol.Range(missing, missing)));
        var edit = Assert.Single(Assert.Single(declare, a => a.Title == "Declare objective 'Hoard'").Edit!.Changes[Specs.Uri]);
        Assert.StartsWith("\nobjective Hoard {", edit.NewText, StringComparison.Ordinal);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task A_missing_distributional_shift_has_a_quick_fix()
    {
        var text = Specs.Cheese.Replace("evaluate on Maze, MazeAnywhere episodes 200", "evaluate on Maze episodes 200", StringComparison.Ordinal);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, text);
        var published = await client.DiagnosticsAsync(Specs.Uri);
        var noShift = published.Diagnostics.First(d => d.Code == "MS3002");
        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(Specs.Uri), noShift.Range));
        var add = Assert.Single(actions, a => a.Title == "Evaluate also on 'MazeAnywhere'");
        Assert.Equal(", MazeAnywhere", Assert.Single(add.Edit!.Changes[Specs.Uri]).NewText);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Code_lenses_offer_run_check_and_report_for_experiments_and_previews_for_environments()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, Specs.Cheese);
        var lenses = await client.RequestAsync<Protocol.CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(Specs.Uri)));
        var experimentLine = Specs.At(Specs.Cheese, "CheeseInTheCorner").Line;
        Assert.Equal([CommandNames.Run, CommandNames.CheckExpectations, CommandNames.OpenReport],
            lenses.Where(l => l.Range.Start.Line == experimentLine).Select(l => l.Command!.Name));
        var run = lenses.First(l => l.Command!.Name == CommandNames.Run).Command!;
        Assert.Equal([Specs.Uri, "CheeseInTheCorner"], run.Arguments!.Select(a => a.GetString()));
        Assert.Equal(2, lenses.Count(l => l.Command!.Name == CommandNames.PreviewEnvironment));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Preview_environment_returns_ascii_levels()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(Specs.Uri, Specs.Cheese);
        var preview = await client.RequestAsync<EnvironmentPreviewResult>("workspace/executeCommand", new ExecuteCommandParams(CommandNames.PreviewEnvironment, Arguments(Specs.Uri, "Maze", 2)));
        Assert.Equal(2, preview.Levels.Length);
        Assert.All(preview.Levels, l => Assert.Equal(9, l.Split('\n').Count(r => r.Length == 9 && !r.StartsWith("legend", StringComparison.Ordinal))));
        Assert.Contains("corner(top_right)", preview.Definition, StringComparison.Ordinal);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Run_launches_the_cli_forwards_progress_and_reports_failed_expectations()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-lsp-run-");
        try
        {
            var text = Specs.Cheese;
            var spec = Path.Combine(folder.FullName, "cheese.mesa");
            await File.WriteAllTextAsync(spec, text);
            var uri = new Uri(spec).AbsoluteUri;
            var failing = Specs.At(text, "expect on MazeAnywhere: pseudo").Line;
            var cli = new FakeCli(folder.FullName, failingLine: failing + 1, passingLine: failing);

            await using var client = new LspTestClient();
            await client.InitializeAsync(rootUri: new Uri(folder.FullName).AbsoluteUri, initializationOptions: new { mesaspec = new { cli = new { path = cli.Path } } });
            await client.OpenAsync(uri, text);
            var result = await client.RequestAsync<RunFinished>("workspace/executeCommand", new ExecuteCommandParams(CommandNames.Run, Arguments(uri, "CheeseInTheCorner")));

            Assert.Equal("finished", result.Status);
            Assert.False(result.Passed);
            Assert.StartsWith(Path.Combine(folder.FullName, "runs", "CheeseInTheCorner-"), result.ReportPath, StringComparison.Ordinal);
            Assert.Contains("--progress jsonl", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "fake-args.txt")), StringComparison.Ordinal);

            var token = (await client.Target.WaitForAsync("window/workDoneProgress/create")).GetProperty("token").GetString();
            // The run's answer can arrive before its progress has ended: wait for the end, then read them all.
            await client.Target.WaitForAsync("$/progress", p => p.GetProperty("token").GetString() == token && p.GetProperty("value").GetProperty("kind").GetString() == "end");
            var progress = client.Target.Notifications.Where(n => n.Method == "$/progress" && n.Parameters.GetProperty("token").GetString() == token).Select(n => n.Parameters.GetProperty("value")).ToList();
            Assert.Equal("begin", progress[0].GetProperty("kind").GetString());
            Assert.Contains(progress, p => p.GetProperty("kind").GetString() == "report" && p.GetProperty("percentage").GetInt32() is > 0 and < 100);
            Assert.Equal("end", progress[^1].GetProperty("kind").GetString());

            var finished = await client.Target.WaitForAsync("mesaspec/runFinished");
            Assert.Equal(result.ReportPath, finished.GetProperty("reportPath").GetString());
            Assert.Contains("robustly_aligned", finished.GetProperty("summary").GetString(), StringComparison.Ordinal);

            var diagnostics = await client.DiagnosticsAsync(uri, d => d.Diagnostics.Any(x => x.Code == ExpectationResults.FailedCode));
            var failed = Assert.Single(diagnostics.Diagnostics, d => d.Code == ExpectationResults.FailedCode);
            Assert.Equal(failing, failed.Range.Start.Line);
            Assert.Equal(2, failed.Range.Start.Character);

            // Edits above move the failure with its expect line.
            await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent("// a note\n", new Protocol.Range(new Position(0, 0), new Position(0, 0))));
            var moved = await client.DiagnosticsAsync(uri, d => d.Version == 2 && d.Diagnostics.Any(x => x.Code == ExpectationResults.FailedCode));
            Assert.Equal(failing + 1, moved.Diagnostics.Single(d => d.Code == ExpectationResults.FailedCode).Range.Start.Line);

            var check = await client.RequestAsync<ExpectationCheck>("workspace/executeCommand", new ExecuteCommandParams(CommandNames.CheckExpectations, Arguments(uri, "CheeseInTheCorner")));
            Assert.False(check.Passed);
            Assert.Equal(2, check.Expectations.Length);
            var report = await client.RequestAsync<ReportFilesResult>("workspace/executeCommand", new ExecuteCommandParams(CommandNames.OpenReport, Arguments(uri, "CheeseInTheCorner")));
            Assert.Equal(result.ReportPath, report.ReportPath);
            Assert.NotNull(report.MarkdownPath);
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Cancelling_a_run_kills_the_cli_and_reports_the_run_cancelled()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-lsp-run-");
        try
        {
            var spec = Path.Combine(folder.FullName, "cheese.mesa");
            await File.WriteAllTextAsync(spec, Specs.Cheese);
            var uri = new Uri(spec).AbsoluteUri;
            var cli = new FakeCli(folder.FullName, 46, 45, slow: true);
            await using var client = new LspTestClient();
            await client.InitializeAsync(rootUri: new Uri(folder.FullName).AbsoluteUri, initializationOptions: new { mesaspec = new { cli = new { path = cli.Path } } });
            await client.OpenAsync(uri, Specs.Cheese);
            var run = client.RequestAsync<RunFinished>("workspace/executeCommand", new ExecuteCommandParams(CommandNames.Run, Arguments(uri, "CheeseInTheCorner")));
            var token = (await client.Target.WaitForAsync("$/progress", p => p.GetProperty("value").GetProperty("kind").GetString() == "report")).GetProperty("token").GetString();
            await client.NotifyAsync("window/workDoneProgress/cancel", new WorkDoneProgressCancelParams(token!));
            var result = await run;
            Assert.Equal("cancelled", result.Status);
            var finished = await client.Target.WaitForAsync("mesaspec/runFinished");
            Assert.Equal("cancelled", finished.GetProperty("status").GetString());
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_cli_gets_a_clear_message()
    {
        var folder = Directory.CreateTempSubdirectory("mesaspec-lsp-run-");
        try
        {
            var spec = Path.Combine(folder.FullName, "cheese.mesa");
            await File.WriteAllTextAsync(spec, Specs.Cheese);
            var uri = new Uri(spec).AbsoluteUri;
            await using var client = new LspTestClient();
            await client.InitializeAsync(initializationOptions: new Dictionary<string, string> { ["mesaspec.cli.path"] = "/nowhere/mesaspec" });
            await client.OpenAsync(uri, Specs.Cheese);
            var result = await client.RequestAsync<RunFinished>("workspace/executeCommand", new ExecuteCommandParams(CommandNames.Run, Arguments(uri, "CheeseInTheCorner")));
            Assert.Equal("error", result.Status);
            var message = await client.Target.WaitForAsync("window/showMessage");
            Assert.Contains("'mesaspec.cli.path' is set to '/nowhere/mesaspec', which does not exist", message.GetProperty("message").GetString(), StringComparison.Ordinal);
            await client.ShutdownAndExitAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
