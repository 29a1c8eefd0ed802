using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Experiments.Tests.Running;

/// <summary>
/// The measurement, tested without training: for every example's experiments, reference policies must
/// receive the verdict their construction implies on every evaluation environment where the objectives
/// can be told apart. An oracle for the base objective is robustly aligned, an oracle for a proxy is
/// pseudo-aligned to that proxy, and a random policy is a capability failure.
/// </summary>
public sealed class ExampleReferencePolicyTests
{
    private const int Episodes = 60;

    public static TheoryData<string> Examples() => new(RepositoryFiles.Examples().Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Examples))]
    public void Reference_policies_get_the_verdict_they_were_built_to_get(string example) =>
        ReferencePolicyVerdicts.Check(Path.Combine(RepositoryFiles.Root, "examples", example), Episodes, [0]);
}
