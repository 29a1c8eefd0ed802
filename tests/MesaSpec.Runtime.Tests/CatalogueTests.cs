using MesaSpec.Experiments.Training;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Catalogue;
using MesaSpec.Runtime.Models;

namespace MesaSpec.Runtime.Tests;

/// <summary>The runtime trains exactly what the built-in descriptors declare, each entry holding its descriptor.</summary>
public sealed class CatalogueTests
{
    [Theory]
    [InlineData(ComponentKind.Model)]
    [InlineData(ComponentKind.Algorithm)]
    public void Every_built_in_descriptor_of_a_trainable_kind_has_a_runtime_entry_and_no_other(ComponentKind kind)
    {
        var declared = ComponentCatalog.Default.OfKind(kind).ToList();
        var entries = new RuntimeComponents().GetEntries().Where(e => e.Descriptor.Kind == kind).Select(e => e.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal);

        // The same objects, not copies: an entry cannot drift from the schema the binder checks.
        Assert.Equal(declared, entries, ReferenceEqualityComparer.Instance);
    }

    [Theory]
    [InlineData("ppo")]
    [InlineData("a2c")]
    public void Every_algorithm_declares_a_budget_parameter_it_has(string name)
    {
        var descriptor = ComponentCatalog.Default.Find(ComponentKind.Algorithm, name)!;

        Assert.NotNull(descriptor.Find(descriptor.Budget!));
    }

    [Fact]
    public void Missing_arguments_take_the_catalogue_default()
    {
        var arguments = new ComponentArguments(new ComponentModel("mlp", new Dictionary<string, Value>()), BuiltinComponents.Mlp);

        Assert.Equal([128, 128], arguments.PositiveIntList("hidden"));
        Assert.Equal("tanh", arguments.String("activation"));
    }

    [Fact]
    public void A_wrong_type_is_reported_with_a_code_and_the_call()
    {
        var model = TrainingFixture.Component("mlp", ("hidden", "wide"));

        var error = Assert.Throws<TrainingFailedException>(() => ActorCriticFactory.Create(model, new(2, 5, 5), 4));

        Assert.StartsWith(RuntimeErrors.WrongArgumentType, error.Message);
        Assert.Contains("mlp(hidden: wide)", error.Message);
    }

    [Theory]
    [InlineData("activation", "sigmoid")]
    [InlineData("hidden", 0)]
    public void An_out_of_range_model_argument_is_reported_with_a_code(string name, object value)
    {
        var model = TrainingFixture.Component("mlp", (name, value is int i ? new[] { i } : value));

        var error = Assert.Throws<TrainingFailedException>(() => ActorCriticFactory.Create(model, new(2, 5, 5), 4));

        Assert.StartsWith(RuntimeErrors.InvalidArgument, error.Message);
        Assert.Contains($"'{name}'", error.Message);
    }

    [Theory]
    [InlineData("envs", 0)]
    [InlineData("clip", 1.5)]
    [InlineData("gamma", -0.1)]
    [InlineData("minibatches", 100_000)]
    public void An_out_of_range_algorithm_argument_is_reported_with_a_code(string name, object value)
    {
        var spec = TrainingFixture.Spec(TrainingFixture.Component("mlp"), TrainingFixture.Component("ppo", (name, value)));

        var error = Assert.Throws<TrainingFailedException>(() => new Training.TorchTrainer().Train(
            spec, TrainingFixture.ReachGoal, seed: 1, TrainingFixture.GoalGrids(), TrainingFixture.OneThread, null, CancellationToken.None));

        Assert.StartsWith(RuntimeErrors.InvalidArgument, error.Message);
        Assert.Contains($"ppo({name}:", error.Message);
    }
}
