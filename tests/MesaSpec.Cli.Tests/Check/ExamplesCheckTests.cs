using MesaSpec.Cli.Tests.Support;

namespace MesaSpec.Cli.Tests.Check;

/// <summary>Every example checks clean: no errors and no warnings, exactly as a user would run it.</summary>
public sealed class ExamplesCheckTests
{
    // Includes the identifiability analyzer: an example whose proxy no evaluation can tell apart (MS3001)
    // fails here.
    [Fact]
    public void Check_over_examples_is_clean()
    {
        var root = RepositoryRoot.Path;
        var result = Mesaspec.Run(root, "check", "examples");
        Assert.True(result.ExitCode == 0 && result.Out.EndsWith(" 0 errors, 0 warnings\n", StringComparison.Ordinal), result.All);
    }
}
