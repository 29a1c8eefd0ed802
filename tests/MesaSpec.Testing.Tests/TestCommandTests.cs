using System.Xml.Linq;
using MesaSpec.Cli;
using MesaSpec.Cli.Commands;

namespace MesaSpec.Testing.Tests;

/// <summary><c>mesaspec test</c>: one line per experiment, a closing count, exit codes, --accept, --no-cache, --junit.</summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    private (int Exit, string Out, string Error) Mesaspec(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(["test", .. args], new CommandContext(output, error, sandbox.Folder, UseColor: false));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void New_snapshots_fail_then_accepted_ones_pass_and_reruns_come_from_the_cache()
    {
        var first = Mesaspec("coin.mesa");
        Assert.Equal(ExitCodes.Findings, first.Exit);
        Assert.Contains("FAIL  coin.mesa CoinOracle  new snapshot, wrote coin.CoinOracle.received.json", first.Out, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 2 failed\n", first.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var accepted = Mesaspec("coin.mesa", "--accept");
        Assert.Equal(ExitCodes.Success, accepted.Exit);
        Assert.Contains("PASS  coin.mesa CoinOracle  accepted into coin.CoinOracle.verified.json (cached)", accepted.Out, StringComparison.Ordinal);

        var rerun = Mesaspec();
        Assert.Equal(ExitCodes.Success, rerun.Exit);
        Assert.Contains("PASS  coin.mesa CoinRandom  snapshot matches (cached)", rerun.Out, StringComparison.Ordinal);
        Assert.EndsWith("2 passed, 0 failed\n", rerun.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var forced = Mesaspec("--no-cache");
        Assert.DoesNotContain("(cached)", forced.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, forced.Exit);
    }

    [Fact]
    public void An_experiment_that_runs_shows_its_progress_and_a_cached_one_prints_none()
    {
        var running = Mesaspec("coin.mesa", "--accept");
        Assert.Contains("      CoinOracle seed 0: started\n", running.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("      CoinRandom seed 0: evaluated\n", running.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var cached = Mesaspec("coin.mesa");

        Assert.DoesNotContain("started", cached.Out, StringComparison.Ordinal);
        Assert.Contains("(cached)", cached.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_outcome_prints_its_diff_and_exits_1()
    {
        Mesaspec("--accept");
        sandbox.Edit("coin.mesa", "policy oracle(GetCoin)", "policy oracle(GoRight)");

        var (exit, output, _) = Mesaspec();

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("FAIL  coin.mesa CoinOracle  snapshot changed", output, StringComparison.Ordinal);
        Assert.Contains("expectation failed: line 10: expect on CoinAnywhere: robustly_aligned", output, StringComparison.Ordinal);
        Assert.Contains("+           \"verdict\": \"pseudo_aligned\",", output, StringComparison.Ordinal);
        Assert.Contains("PASS  coin.mesa CoinRandom", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_lists_every_experiment_and_carries_the_failure_and_its_diff()
    {
        Mesaspec("--accept");
        sandbox.Edit("coin.mesa", "policy oracle(GetCoin)", "policy oracle(GoRight)");

        Mesaspec("--junit", "results/junit.xml");

        var xml = XDocument.Load(sandbox.PathOf("results/junit.xml"));
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        Assert.Equal("2", suites.Attribute("tests")!.Value);
        Assert.Equal("1", suites.Attribute("failures")!.Value);
        var cases = suites.Descendants("testcase").ToList();
        Assert.Equal(["CoinOracle", "CoinRandom"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.All(cases, c => Assert.Equal("coin.mesa", c.Attribute("classname")!.Value));
        var failure = Assert.Single(suites.Descendants("failure"));
        Assert.StartsWith("snapshot changed", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"pseudo_aligned\"", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_with_errors_fails_with_its_diagnostics_and_the_others_still_run()
    {
        sandbox.Write("broken.mesa", "experiment Broken {\n  base objective Missing\n  policy random\n}\n");

        var (exit, output, _) = Mesaspec("--accept");

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("FAIL  broken.mesa: the spec has", output, StringComparison.Ordinal);
        Assert.Contains("2 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_and_missing_files_are_usage_errors()
    {
        Assert.Equal(ExitCodes.UsageOrInput, Mesaspec("--seeds", "zero").Exit);
        Assert.Equal(ExitCodes.UsageOrInput, Mesaspec("--frobnicate").Exit);
        Assert.Equal(ExitCodes.UsageOrInput, Mesaspec("missing.mesa").Exit);
    }

    [Fact]
    public void Seeds_override_the_specs_seeds_and_get_their_own_cache_entry()
    {
        Mesaspec("--accept");

        var (exit, output, _) = Mesaspec("--seeds", "2");

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.DoesNotContain("(cached)", output, StringComparison.Ordinal);
        Assert.Contains("points[0].completedSeeds.length: 3 → 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupted_verified_snapshot_is_a_clear_error_and_accept_replaces_it()
    {
        // Issue 11, item 16: a corrupted .verified.json was shown as a one-line diff.
        Mesaspec("--accept");
        sandbox.Write("coin.CoinOracle.verified.json", "{\n  \"snapshotSchema\": 1,\n  \"points\": [ oops\n");

        var (exit, output, _) = Mesaspec();
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("FAIL  coin.mesa CoinOracle  verified snapshot unusable: coin.CoinOracle.verified.json cannot be read: it is not valid JSON (line 3", output, StringComparison.Ordinal);
        Assert.Contains("accept coin.CoinOracle.received.json with --accept", output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, Mesaspec("--accept").Exit);
        Assert.Equal(ExitCodes.Success, Mesaspec().Exit);
    }

    [Fact]
    public void Accept_never_overwrites_a_snapshot_of_a_newer_schema()
    {
        // Issue 11, item 16: --accept would overwrite a newer snapshotSchema.
        Mesaspec("--accept");
        var newer = sandbox.Read("coin.CoinOracle.verified.json").Replace("\"snapshotSchema\": 1", "\"snapshotSchema\": 99", StringComparison.Ordinal);
        sandbox.Write("coin.CoinOracle.verified.json", newer);

        var (exit, output, _) = Mesaspec("--accept");
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("written by a newer mesaspec (snapshotSchema 99; this one writes 1)", output, StringComparison.Ordinal);
        Assert.Equal(newer, sandbox.Read("coin.CoinOracle.verified.json"));
    }

    [Fact]
    public void Orphaned_snapshots_are_listed_and_accept_removes_them()
    {
        // Issue 11, item 18: a renamed spec or experiment left a .verified.json that test never mentioned.
        Mesaspec("--accept");
        sandbox.Edit("coin.mesa", "experiment CoinOracle", "experiment CoinPlanner");
        File.Copy(sandbox.PathOf("coin.CoinRandom.verified.json"), sandbox.PathOf("gone.CoinRandom.verified.json"));

        var listed = Mesaspec();
        Assert.Contains("ORPHAN  coin.CoinOracle.verified.json: coin.mesa has no experiment 'CoinOracle' (renamed or removed?); --accept removes it", listed.Out, StringComparison.Ordinal);
        Assert.Contains("ORPHAN  gone.CoinRandom.verified.json: no spec 'gone.mesa' beside it", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ORPHAN  coin.CoinRandom", listed.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(sandbox.PathOf("coin.CoinOracle.verified.json")));

        var accepted = Mesaspec("--accept");
        Assert.Contains("REMOVED coin.CoinOracle.verified.json", accepted.Out, StringComparison.Ordinal);
        Assert.Contains("REMOVED gone.CoinRandom.verified.json", accepted.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.PathOf("coin.CoinOracle.verified.json")));
        Assert.True(File.Exists(sandbox.PathOf("coin.CoinPlanner.verified.json")));
        Assert.DoesNotContain("ORPHAN", Mesaspec().Out, StringComparison.Ordinal);
    }

    public void Dispose() => sandbox.Dispose();
}
