using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Catalogue;

namespace MesaSpec.Runtime.InContext;

/// <summary>A model component of experiments on tasks: builds the network for prompts of a dimension.</summary>
public interface IInContextModelComponent : IComponentEntry
{
    /// <summary>Throws <see cref="ComponentArgumentException"/> for arguments it cannot use.</summary>
    InContextNetwork Create(ComponentArguments arguments, int dimension);
}

/// <summary>Hyperparameters of supervised training on prompts.</summary>
public sealed record SupervisedSettings(string Algorithm, long Steps, double LearningRate, int Batch);

/// <summary>An algorithm component of experiments on tasks: the settings of a supervised run.</summary>
public interface ISupervisedAlgorithmComponent : IComponentEntry
{
    SupervisedSettings Settings(ComponentArguments arguments);
}

/// <summary><c>linear_attention(layers)</c>: the registry entry pairing the descriptor with <see cref="LinearAttentionNetwork"/>.</summary>
public sealed class LinearAttentionModel : IInContextModelComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.LinearAttention;

    public InContextNetwork Create(ComponentArguments arguments, int dimension) =>
        new LinearAttentionNetwork(dimension, arguments.PositiveInt("layers"));
}

/// <summary><c>transformer(layers, width)</c>: the registry entry pairing the descriptor with <see cref="SoftmaxTransformerNetwork"/>.</summary>
public sealed class TransformerModel : IInContextModelComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Transformer;

    public InContextNetwork Create(ComponentArguments arguments, int dimension) =>
        new SoftmaxTransformerNetwork(dimension, arguments.PositiveInt("layers"), arguments.PositiveInt("width"));
}

/// <summary><c>adam(steps, lr, batch)</c>: the registry entry of supervised training with Adam.</summary>
public sealed class AdamAlgorithm : ISupervisedAlgorithmComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Adam;

    public SupervisedSettings Settings(ComponentArguments arguments) =>
        new(Descriptor.Name, arguments.PositiveInt(Descriptor.Budget!), arguments.PositiveFloat("lr"), arguments.PositiveInt("batch"));
}

/// <summary>Builds what a task experiment's <c>with MODEL using ALGORITHM</c> names, through the registry entries.</summary>
public static class InContextFactory
{
    public static InContextNetwork Create(ComponentModel model, int dimension) =>
        RuntimeComponents.Build<IInContextModelComponent, InContextNetwork>(model, ComponentKind.Model, (entry, arguments) => entry.Create(arguments, dimension));

    public static SupervisedSettings Settings(ComponentModel algorithm) =>
        RuntimeComponents.Build<ISupervisedAlgorithmComponent, SupervisedSettings>(algorithm, ComponentKind.Algorithm, (entry, arguments) => entry.Settings(arguments));
}
