using MesaSpec.Experiments.InContext;
using MesaSpec.Experiments.Training;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.InContext;

/// <summary>A network as an in-context learner: predicts in batches of prompts with a common context length, without gradients.</summary>
public sealed class TrainedInContextModel(InContextNetwork network, Device device, IReadOnlyList<LearningCurvePoint> curve) : ITrainedInContextLearner
{
    private const int Chunk = 4096;

    public IReadOnlyList<LearningCurvePoint> LearningCurve => curve;

    public InContextNetwork Network => network;

    public double[] Predict(IReadOnlyList<Prompt> prompts)
    {
        var result = new double[prompts.Count];
        using var noGrad = no_grad();
        var byContext = Enumerable.Range(0, prompts.Count).GroupBy(k => prompts[k].Context);
        foreach (var group in byContext)
        {
            var indices = group.ToArray();
            for (var start = 0; start < indices.Length; start += Chunk)
            {
                using var scope = NewDisposeScope();
                var chunk = indices.Skip(start).Take(Chunk).ToArray();
                var output = network.forward(InContextNetwork.Tokens(chunk.Select(k => prompts[k]).ToList(), device)).to(CPU).data<float>().ToArray();
                for (var i = 0; i < chunk.Length; i++)
                {
                    result[chunk[i]] = output[i];
                }
            }
        }
        return result;
    }

    public void Dispose() => network.Dispose();
}
