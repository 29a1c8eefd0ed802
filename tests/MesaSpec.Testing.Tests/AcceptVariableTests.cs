using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Tests;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>MESASPEC_ACCEPT=1 accepts like --accept. Alone in its collection: the variable is process-wide.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class AcceptVariableTests : IDisposable
{
    private readonly SpecSandbox sandbox = new();

    [Theory]
    [InlineData("1", SnapshotStatus.Accepted)]
    [InlineData("true", SnapshotStatus.Accepted)]
    [InlineData("0", SnapshotStatus.New)]
    public void The_accept_variable_accepts_received_snapshots(string value, SnapshotStatus expected)
    {
        var previous = Environment.GetEnvironmentVariable(SnapshotOptions.AcceptVariable);
        Environment.SetEnvironmentVariable(SnapshotOptions.AcceptVariable, value);
        try
        {
            Assert.Equal(expected, sandbox.TestOne(honourAcceptVariable: true).Status);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SnapshotOptions.AcceptVariable, previous);
        }
    }

    public void Dispose() => sandbox.Dispose();
}
