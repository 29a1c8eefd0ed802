using TorchSharp;

namespace MesaSpec.Runtime.Tests;

public sealed class TorchLoadsTests
{
    [Fact]
    public void A_tensor_can_be_created_and_summed()
    {
        using var scope = torch.NewDisposeScope();
        var sum = torch.ones(3, 4).sum().item<float>();
        Assert.Equal(12f, sum);
    }
}
