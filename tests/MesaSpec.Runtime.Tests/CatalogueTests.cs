using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Catalogue;
using MesaSpec.Runtime.Models;

namespace MesaSpec.Runtime.Tests;

public sealed class CatalogueTests
{
    public static TheoryData<string, string> Parameters()
    {
        var data = new TheoryData<string, string>();
        foreach (var component in RuntimeComponents.All)
        {
            foreach (var parameter in component.Parameters)
            {
                data.Add(component.Name, parameter.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Every_default_parses_as_its_declared_type(string component, string parameter)
    {
        var descriptor = RuntimeComponents.All.Single(c => c.Name == component).Parameter(parameter);

        var value = ComponentArguments.ParseDefault(descriptor);

        object raw = descriptor.Type switch
        {
            ParameterType.Int => value.AsInt(),
            ParameterType.Float => value.AsFloat(),
            ParameterType.Bool => value.AsBool(),
            ParameterType.String => value.AsString(),
            _ => value.AsList().Select(v => v.AsInt()).ToList(),
        };
        Assert.NotNull(raw);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc));
    }

    [Fact]
    public void Components_are_documented_and_unique_per_kind()
    {
        Assert.Equal(RuntimeComponents.All.Count, RuntimeComponents.All.Select(c => (c.Kind, c.Name)).Distinct().Count());
        Assert.All(RuntimeComponents.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Doc)));
        Assert.Equal(["mlp", "cnn"], RuntimeComponents.All.Where(c => c.Kind == ComponentKind.Model).Select(c => c.Name));
        Assert.Equal(["ppo", "a2c"], RuntimeComponents.All.Where(c => c.Kind == ComponentKind.Algorithm).Select(c => c.Name));
    }

    [Fact]
    public void Missing_arguments_take_the_schema_default()
    {
        var arguments = new ComponentArguments(new ComponentModel("mlp", new Dictionary<string, Value>()), RuntimeComponents.Mlp);

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
