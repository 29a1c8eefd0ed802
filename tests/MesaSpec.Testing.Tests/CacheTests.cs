using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary>An unchanged spec is not run again; any change to what the outcome depends on runs it again.</summary>
public sealed class CacheTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    private ExperimentOutcome Test(SnapshotOptions? options = null) => sandbox.TestOne(options: options);

    [Fact]
    public void A_rerun_of_an_unchanged_spec_comes_from_the_cache_without_running()
    {
        Test(new SnapshotOptions { Accept = true });
        Assert.Equal(1, sandbox.Runs);

        var again = Test();

        Assert.True(again.Cached);
        Assert.Equal(SnapshotStatus.Matched, again.Status);
        Assert.Equal(1, sandbox.Runs);
        Assert.NotEmpty(Directory.EnumerateFiles(sandbox.CacheFolder, "*.json"));
    }

    [Fact]
    public void No_cache_runs_anyway()
    {
        Test();
        var forced = Test(new SnapshotOptions { UseCache = false });

        Assert.False(forced.Cached);
        Assert.Equal(2, sandbox.Runs);
    }

    [Fact]
    public void Editing_the_spec_invalidates_its_cached_outcome()
    {
        Test();
        sandbox.Edit("coin.mesa", "episodes 16", "episodes 17");

        Assert.False(Test().Cached);
        Assert.Equal(2, sandbox.Runs);
    }

    [Fact]
    public void Editing_an_imported_file_invalidates_the_importing_specs_cached_outcome()
    {
        Test();
        sandbox.Edit("coin-world.mesa", "horizon 30", "horizon 32");

        Assert.False(Test().Cached);
        Assert.Equal(2, sandbox.Runs);
    }

    [Fact]
    public void Other_seeds_or_threads_or_a_variant_miss_the_cache()
    {
        Test();

        Assert.False(Test(new SnapshotOptions { Seeds = 2 }).Cached);
        Assert.False(Test(new SnapshotOptions { Threads = 2 }).Cached);
        Assert.False(Test(new SnapshotOptions { Variant = ExperimentVariant.ReferenceRandom }).Cached);
        Assert.Equal(4, sandbox.Runs);
        Assert.True(Test(new SnapshotOptions { Seeds = 2 }).Cached);
    }

    [Fact]
    public void A_failed_expectation_is_reported_from_the_cache_too()
    {
        sandbox.Edit("coin.mesa", "expect on CoinAnywhere: robustly_aligned", "expect on CoinAnywhere: capability_failure");
        var first = Test();
        var cached = Test();

        Assert.True(cached.Cached);
        Assert.Equal(first.FailedExpectations, cached.FailedExpectations);
        Assert.Single(cached.FailedExpectations);
    }

    [Fact]
    public void A_damaged_cache_entry_is_a_miss_not_an_error()
    {
        Test();
        foreach (var file in Directory.EnumerateFiles(sandbox.CacheFolder))
        {
            File.WriteAllText(file, "{ not json");
        }

        var outcome = Test();

        Assert.False(outcome.Cached);
        Assert.Equal(2, sandbox.Runs);
    }

    public void Dispose() => sandbox.Dispose();
}
