using MesaSpec.Language.Catalogue;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.InContext;

/// <summary>
/// <c>transformer(layers, width)</c>: a small softmax transformer. Tokens are embedded linearly; each block is
/// pre-norm single-head softmax attention in which every token attends to the context tokens (the query is never
/// a key, so it cannot read its own unknown target), then a pre-norm ReLU MLP, both residual; the prediction is a
/// linear readout of the query token.
/// </summary>
public sealed class SoftmaxTransformerNetwork : InContextNetwork
{
    private readonly Linear embed;
    private readonly ModuleList<Block> blocks = new();
    private readonly LayerNorm finalNorm;
    private readonly Linear readout;

    public SoftmaxTransformerNetwork(int dimension, int layers, int width) : base(BuiltinComponents.Transformer.Name)
    {
        embed = nn.Linear(dimension + 1, width);
        for (var l = 0; l < layers; l++)
        {
            blocks.Add(new Block(width));
        }
        finalNorm = nn.LayerNorm(width);
        readout = nn.Linear(width, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var context = tokens.shape[1] - 1;
        var h = embed.forward(tokens);
        foreach (var block in blocks)
        {
            h = block.Forward(h, context);
        }
        return readout.forward(finalNorm.forward(h.select(1, context))).squeeze(-1);
    }

    public sealed class Block : nn.Module
    {
        private readonly LayerNorm attentionNorm;
        private readonly Linear query;
        private readonly Linear key;
        private readonly Linear value;
        private readonly Linear output;
        private readonly LayerNorm mlpNorm;
        private readonly Sequential mlp;
        private readonly float scale;

        public Block(int width) : base("block")
        {
            attentionNorm = nn.LayerNorm(width);
            query = nn.Linear(width, width);
            key = nn.Linear(width, width);
            value = nn.Linear(width, width);
            output = nn.Linear(width, width);
            mlpNorm = nn.LayerNorm(width);
            mlp = nn.Sequential(nn.Linear(width, 2 * width), nn.ReLU(), nn.Linear(2 * width, width));
            scale = 1f / MathF.Sqrt(width);
            RegisterComponents();
        }

        public Tensor Forward(Tensor h, long context)
        {
            var x = attentionNorm.forward(h);
            var keys = x.narrow(1, 0, context);
            var scores = query.forward(x).matmul(key.forward(keys).transpose(1, 2)).mul(torch.tensor(scale, ScalarType.Float32, h.device));
            var attended = scores.softmax(-1).matmul(value.forward(keys));
            h = h + output.forward(attended);
            return h + mlp.forward(mlpNorm.forward(h));
        }
    }
}
