using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Language.Model;
using MesaSpec.Language.Catalogue;
using MesaSpec.Runtime.Catalogue;

namespace MesaSpec.Runtime.Models;

/// <summary>Builds the network a spec's <c>with MODEL(...)</c> names, sized for an environment.</summary>
public static class ActorCriticFactory
{
    /// <summary>
    /// Creates the model with freshly initialised weights drawn from torch's global generator; seed it first
    /// (the trainer does so under <see cref="Training.TorchGlobalState"/>).
    /// </summary>
    public static ActorCritic Create(ComponentModel model, ObservationShape shape, int actionCount)
    {
        var schema = RuntimeComponents.Find(model.Name, ComponentKind.Model)
            ?? throw new TrainingFailedException(
                $"{RuntimeErrors.UnknownComponent}: '{model.Name}' is not a model the runtime can train (known: {Known(ComponentKind.Model)})");
        var arguments = new ComponentArguments(model, schema);
        return schema.Name switch
        {
            "mlp" => new MlpActorCritic(
                shape.Size,
                arguments.PositiveIntList("hidden"),
                arguments.RangeChecked("activation", arguments.String("activation"), MlpActorCritic.Activations.Contains,
                    "must be one of " + string.Join(", ", MlpActorCritic.Activations)),
                actionCount),
            "cnn" => new CnnActorCritic(shape, arguments.PositiveIntList("channels"), arguments.PositiveInt("hidden"), actionCount),
            _ => throw new InvalidOperationException($"model '{schema.Name}' has a schema but no builder"),
        };
    }

    internal static string Known(ComponentKind kind) =>
        string.Join(", ", RuntimeComponents.Implemented(kind));
}
