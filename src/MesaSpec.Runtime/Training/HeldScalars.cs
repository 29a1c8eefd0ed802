using TorchSharp;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// Scalars created once and kept referenced until the run ends. TorchSharp passes a <see cref="Scalar"/> to
/// native code as a raw handle, so an implicitly converted <c>double</c> that nothing references any more can be
/// finalized by the GC while LibTorch is still reading it. That crashed training runs at random ("Expected false
/// to be true" in <c>Scalar::toDouble</c>) once GCs became frequent. Holding every scalar of the hot path here
/// keeps each one alive for as long as it can be used.
/// </summary>
internal sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> held = [];

    public Scalar Hold(double value)
    {
        var scalar = value.ToScalar();
        held.Add(scalar);
        return scalar;
    }

    public void Dispose()
    {
        foreach (var scalar in held)
        {
            scalar.Dispose();
        }
        held.Clear();
    }
}
