using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Training;

/// <summary>
/// Adam (Kingma and Ba 2015) with bias correction, as in PyTorch, written out so that every scalar it hands to
/// LibTorch stays referenced during the call (see <see cref="HeldScalars"/>): TorchSharp's own optimizer converts
/// doubles to scalars implicitly on every step.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;
    private readonly double learningRate;
    private readonly double beta1;
    private readonly double beta2;
    private readonly HeldScalars constants = new();
    private readonly Scalar beta1Scalar;
    private readonly Scalar oneMinusBeta1;
    private readonly Scalar beta2Scalar;
    private readonly Scalar oneMinusBeta2;
    private readonly Scalar epsilon;
    private readonly Scalar one;
    private long step;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.parameters = parameters.ToArray();
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        using (no_grad())
        {
            firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        }
        beta1Scalar = constants.Hold(beta1);
        oneMinusBeta1 = constants.Hold(1 - beta1);
        beta2Scalar = constants.Hold(beta2);
        oneMinusBeta2 = constants.Hold(1 - beta2);
        this.epsilon = constants.Hold(epsilon);
        one = constants.Hold(1);
    }

    public void ZeroGrad()
    {
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }
    }

    public void Step()
    {
        step++;
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var stepSize = (-learningRate / biasCorrection1).ToScalar();
        using var secondMomentScale = Math.Sqrt(biasCorrection2).ToScalar();
        for (var i = 0; i < parameters.Length; i++)
        {
            var gradient = parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }
            firstMoments[i].mul_(beta1Scalar).add_(gradient, oneMinusBeta1);
            secondMoments[i].mul_(beta2Scalar).addcmul_(gradient, gradient, oneMinusBeta2);
            var denominator = secondMoments[i].sqrt().div_(secondMomentScale).add_(epsilon, one);
            parameters[i].addcdiv_(firstMoments[i], denominator, stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var moment in firstMoments.Concat(secondMoments))
        {
            moment.Dispose();
        }
        constants.Dispose();
    }
}
