using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests;

/// <summary>Models and algorithms are found through the entry the binder paired with the call, as a plugin's would be.</summary>
public sealed class RegistryTests
{
    private static readonly ComponentDescriptor Tiny = new("tiny", ComponentKind.Model, "One hidden layer of four.", []);

    private static readonly ComponentDescriptor Short = new ComponentDescriptor("short", ComponentKind.Algorithm, "PPO with a budget called 'budget'.",
        [new("budget", MesaType.Int, new Value(64L), "Environment steps.", 1, 1e6)]) { Budget = "budget" };

    [Fact]
    public void A_model_entry_paired_with_the_call_builds_the_network()
    {
        var call = new ComponentModel("tiny", new Dictionary<string, Value>()) { Descriptor = Tiny, Entry = new TinyModel() };

        using var model = ActorCriticFactory.Create(call, new ObservationShape(2, 5, 5), 4);

        Assert.IsType<MlpActorCritic>(model);
    }

    [Fact]
    public void An_algorithm_reads_its_budget_from_the_parameter_its_descriptor_names()
    {
        var call = new ComponentModel("short", new Dictionary<string, Value> { ["budget"] = new(128L) }) { Descriptor = Short, Entry = new ShortAlgorithm() };

        var settings = OnPolicySettings.From(call);

        Assert.Equal(128, settings.Steps);
        Assert.Equal(128, call.Budget);
    }

    [Fact]
    public void A_name_with_no_entry_is_a_coded_training_failure()
    {
        var error = Assert.Throws<TrainingFailedException>(() => ActorCriticFactory.Create(new ComponentModel("transformer", new Dictionary<string, Value>()), new(2, 5, 5), 4));

        Assert.StartsWith(RuntimeErrors.UnknownComponent, error.Message);
        Assert.Contains("built in: cnn, conv_lstm, lstm, mlp", error.Message);
    }

    private sealed class TinyModel : IModelComponent
    {
        public ComponentDescriptor Descriptor => Tiny;

        public ActorCritic Create(ComponentArguments arguments, ObservationShape shape, int actionCount) => new MlpActorCritic(shape.Size, [4], "tanh", actionCount);
    }

    private sealed class ShortAlgorithm : IAlgorithmComponent
    {
        public ComponentDescriptor Descriptor => Short;

        public OnPolicySettings Settings(ComponentArguments arguments) => new(
            "short", PolicyObjective.ClippedSurrogate, arguments.Long(arguments.Descriptor.Budget!), Envs: 2, Rollout: 8, Epochs: 1, Minibatches: 1,
            LearningRate: 1e-3, Gamma: 0.99, Lambda: 0.95, Clip: 0.2, Entropy: 0.01, ValueCoef: 0.5, MaxGradNorm: 0.5, NormaliseAdvantages: true);
    }
}
