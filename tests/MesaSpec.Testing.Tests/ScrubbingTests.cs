using System.Text.Json.Nodes;
using MesaSpec.Testing.Running;
using MesaSpec.Testing.Snapshots;

namespace MesaSpec.Testing.Tests;

/// <summary>Machine-dependent values never reach a snapshot; outcomes always do.</summary>
public sealed class ScrubbingTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    [Fact]
    public void Times_durations_settings_host_and_paths_are_scrubbed_from_a_real_snapshot()
    {
        var outcome = sandbox.TestOne(options: new SnapshotOptions { Threads = 2 });
        var text = File.ReadAllText(outcome.Files.Received);
        var snapshot = SnapshotJson.Read(text)!;

        foreach (var member in new[] { "startedAt", "finishedAt", "durationSeconds", "engineVersion" })
        {
            Assert.Equal(SnapshotScrubber.Placeholder, snapshot[member]!.GetValue<string>());
        }
        Assert.Equal(SnapshotScrubber.Placeholder, snapshot["settings"]!["threads"]!.GetValue<string>());
        Assert.Equal(SnapshotScrubber.Placeholder, snapshot["settings"]!["host"]!.GetValue<string>());
        Assert.Equal("coin.mesa", snapshot["spec"]!["path"]!.GetValue<string>());
        Assert.DoesNotContain(sandbox.Folder, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), text, StringComparison.Ordinal);
        // Outcomes stay.
        Assert.Contains("\"verdict\": \"robustly_aligned\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"samples\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshots_from_different_thread_counts_and_folders_are_identical()
    {
        var one = File.ReadAllText(sandbox.TestOne(options: new SnapshotOptions { Threads = 1 }).Files.Received);
        using var other = new SpecSandbox();
        var two = File.ReadAllText(other.TestOne(options: new SnapshotOptions { Threads = 3 }).Files.Received);

        Assert.Equal(one, two);
    }

    [Fact]
    public void Paths_inside_strings_become_placeholders_and_the_host_only_when_whole()
    {
        var folder = Path.Combine(Path.GetTempPath(), "project", "specs");
        var node = new JsonObject
        {
            ["statusDetail"] = $"could not read {folder}/lib.mesa",
            ["note"] = $"{Path.GetTempPath()}x.json",
            ["machine"] = Environment.MachineName,
            ["environment"] = "Maze",
            ["durationSeconds"] = 12.5,
        };

        new SnapshotScrubber(folder).Scrub(node);

        Assert.Equal("could not read {SpecFolder}/lib.mesa", node["statusDetail"]!.GetValue<string>());
        Assert.Equal("{TempPath}/x.json", node["note"]!.GetValue<string>());
        Assert.Equal("{Host}", node["machine"]!.GetValue<string>());
        Assert.Equal("Maze", node["environment"]!.GetValue<string>());
        Assert.Equal(SnapshotScrubber.Placeholder, node["durationSeconds"]!.GetValue<string>());
    }

    public void Dispose() => sandbox.Dispose();
}
