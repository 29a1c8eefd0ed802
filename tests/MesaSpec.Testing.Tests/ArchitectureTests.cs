using System.Reflection;

namespace MesaSpec.Testing.Tests;

/// <summary>The layering of docs/architecture.md for the Testing library.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Testing = typeof(MesaSpecVerifier).Assembly;

    [Fact]
    public void The_testing_library_composes_through_the_hosting_root_not_the_runtime()
    {
        var references = Testing.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("MesaSpec.Hosting", references);
        Assert.DoesNotContain("MesaSpec.Runtime", references);
    }

    [Fact]
    public void The_testing_library_never_references_the_cli_nor_touches_TorchSharp_itself()
    {
        var references = Testing.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("mesaspec", references);
        Assert.DoesNotContain(references, name => name!.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, name => name!.Contains("xunit", StringComparison.OrdinalIgnoreCase));
    }
}
