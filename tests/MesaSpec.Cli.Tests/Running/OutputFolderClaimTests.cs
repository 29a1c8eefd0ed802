using MesaSpec.Cli.Running;
using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Running;

/// <summary>Issue 11, item 4: two runs started in the same second shared one folder and overwrote each other.</summary>
public sealed class OutputFolderClaimTests
{
    [Fact]
    public void Runs_started_at_once_with_the_same_name_get_different_folders()
    {
        using var workspace = new Workspace();
        var parent = Path.Combine(workspace.Root, "runs");
        var folders = new string[16];
        Parallel.For(0, folders.Length, i => folders[i] = OutputFolderClaim.Claim(parent, "Exp-20261202-120000"));
        Assert.Equal(folders.Length, folders.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(Path.Combine(parent, "Exp-20261202-120000"), folders);
        Assert.Contains(Path.Combine(parent, "Exp-20261202-120000-2"), folders);
        Assert.All(folders, f => Assert.True(Directory.Exists(f)));
    }
}
