using MesaSpec.Gridworld;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Catalogue;

namespace MesaSpec.Runtime.Models;

/// <summary>A <c>with name(...)</c> model component: builds the actor-critic network for an observation shape.</summary>
public interface IModelComponent : IComponentEntry
{
    /// <summary>Throws <see cref="ComponentArgumentException"/> for arguments it cannot use.</summary>
    ActorCritic Create(ComponentArguments arguments, ObservationShape shape, int actionCount);
}

/// <summary>Builds the network a spec's <c>with MODEL(...)</c> names, through its registry entry.</summary>
public static class ActorCriticFactory
{
    /// <summary>
    /// Creates the model with freshly initialised weights drawn from torch's global generator; seed it first
    /// (the trainer does so under <see cref="Training.TorchGlobalState"/>).
    /// </summary>
    public static ActorCritic Create(ComponentModel model, ObservationShape shape, int actionCount) =>
        RuntimeComponents.Build<IModelComponent, ActorCritic>(model, ComponentKind.Model, (entry, arguments) => entry.Create(arguments, shape, actionCount));
}

/// <summary><c>mlp(hidden, activation)</c>: the registry entry pairing the descriptor with <see cref="MlpActorCritic"/>.</summary>
public sealed class MlpModel : IModelComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Mlp;

    public ActorCritic Create(ComponentArguments arguments, ObservationShape shape, int actionCount) =>
        new MlpActorCritic(shape.Size, arguments.PositiveIntList("hidden"), arguments.Choice("activation"), actionCount);
}

/// <summary><c>cnn(channels, hidden, pool)</c>: the registry entry pairing the descriptor with <see cref="CnnActorCritic"/>.</summary>
public sealed class CnnModel : IModelComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Cnn;

    public ActorCritic Create(ComponentArguments arguments, ObservationShape shape, int actionCount) =>
        new CnnActorCritic(shape, arguments.PositiveIntList("channels"), arguments.PositiveInt("hidden"), actionCount,
            globalPool: arguments.Choice("pool") == BuiltinComponents.CnnGlobalPool);
}

/// <summary><c>lstm(hidden, size)</c>: the registry entry pairing the descriptor with <see cref="Recurrent.LstmActorCritic"/>.</summary>
public sealed class LstmModel : IModelComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Lstm;

    public ActorCritic Create(ComponentArguments arguments, ObservationShape shape, int actionCount) =>
        new Recurrent.LstmActorCritic(shape.Size, arguments.PositiveIntList("hidden"), arguments.PositiveInt("size"), actionCount);
}

/// <summary><c>conv_lstm(channels, size, hidden)</c>: the registry entry pairing the descriptor with <see cref="Recurrent.ConvLstmActorCritic"/>.</summary>
public sealed class ConvLstmModel : IModelComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.ConvLstm;

    public ActorCritic Create(ComponentArguments arguments, ObservationShape shape, int actionCount) =>
        new Recurrent.ConvLstmActorCritic(shape, arguments.PositiveIntList("channels"), arguments.PositiveInt("size"), arguments.PositiveInt("hidden"), actionCount);
}
