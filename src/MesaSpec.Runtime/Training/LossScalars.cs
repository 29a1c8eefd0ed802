using TorchSharp;

namespace MesaSpec.Runtime.Training;

/// <summary>The constants of <see cref="OnPolicyLoss"/>, held for the whole run (see <see cref="HeldScalars"/>).</summary>
internal sealed class LossScalars : IDisposable
{
    private readonly HeldScalars held = new();

    public LossScalars(OnPolicySettings settings)
    {
        One = held.Hold(1);
        AdvantageEpsilon = held.Hold(1e-8);
        Half = held.Hold(0.5);
        Two = held.Hold(2);
        ValueCoef = held.Hold(settings.ValueCoef);
        NegativeEntropy = held.Hold(-settings.Entropy);
        ClipLow = held.Hold(1 - settings.Clip);
        ClipHigh = held.Hold(1 + settings.Clip);
    }

    public Scalar One { get; }
    public Scalar AdvantageEpsilon { get; }
    public Scalar Half { get; }
    public Scalar Two { get; }
    public Scalar ValueCoef { get; }
    public Scalar NegativeEntropy { get; }
    public Scalar ClipLow { get; }
    public Scalar ClipHigh { get; }

    public void Dispose() => held.Dispose();
}
