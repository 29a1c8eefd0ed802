using MesaSpec.Experiments.Running;
using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

/// <summary>
/// A temporary folder holding copies of the test specs, so snapshot, received and cache files never land in
/// the repository. Counts the runs it starts, so a test can tell a cache hit from a run.
/// </summary>
internal sealed class SpecSandbox : IDisposable
{
    public SpecSandbox()
    {
        Folder = Directory.CreateTempSubdirectory("mesaspec-snapshots-").FullName;
        foreach (var spec in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs")))
        {
            File.Copy(spec, Path.Combine(Folder, Path.GetFileName(spec)));
        }
    }

    public string Folder { get; }

    public string CacheFolder => Path.Combine(Folder, ".mesaspec", "cache");

    public int Runs { get; private set; }

    public string PathOf(string file) => Path.Combine(Folder, file);

    public string Read(string file) => File.ReadAllText(PathOf(file));

    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text);

    public void Edit(string file, string from, string to)
    {
        var text = Read(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        Write(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Tests every experiment of <paramref name="spec"/> (or one of them) as <c>mesaspec test</c> would.</summary>
    /// <remarks>MESASPEC_ACCEPT is ignored unless <paramref name="honourAcceptVariable"/>: a developer's shell must not change test results.</remarks>
    public IReadOnlyList<ExperimentOutcome> Test(string spec = "coin.mesa", SnapshotOptions? options = null, string? experiment = null, bool honourAcceptVariable = false)
    {
        options = (options ?? new SnapshotOptions()) with { AcceptFromEnvironment = honourAcceptVariable };
        options = options with { CacheDirectory = options.CacheDirectory ?? CacheFolder };
        var path = PathOf(spec);
        var compilation = MesaSpecVerifier.Compile(path, Folder);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var tester = new SnapshotTester(options, runOptions =>
        {
            Runs++;
            return new ExperimentRunner(trainer: null, runOptions);
        });
        return compilation.Plans.Where(p => experiment is null || p.Name == experiment)
            .Select(p => tester.Test(path, Folder, compilation, p, CancellationToken.None)).ToList();
    }

    public ExperimentOutcome TestOne(string experiment = "CoinOracle", SnapshotOptions? options = null, bool honourAcceptVariable = false) =>
        Test("coin.mesa", options, experiment, honourAcceptVariable).Single();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
