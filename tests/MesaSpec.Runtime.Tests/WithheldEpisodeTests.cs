using MesaSpec.Experiments.Training;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Training;
using static TorchSharp.torch;

namespace MesaSpec.Runtime.Tests;

/// <summary>
/// Issue 14: a robust curriculum (PLR⊥) has the trainer learn only from replayed levels; the environment says which
/// episodes to withhold (<see cref="Gridworld.IVectorEnvironment.TrainsOn"/>), and the loss leaves those steps out.
/// </summary>
public sealed class WithheldEpisodeTests
{
    private static readonly ComponentModel Mlp = TrainingFixture.Component("mlp", ("hidden", new[] { 16 }));

    private static ActorCriticPolicy Train(int steps, Func<int, bool>? withheld, ComponentModel? algorithm = null, ComponentModel? model = null)
    {
        var spec = TrainingFixture.Spec(model ?? Mlp, algorithm ?? TrainingFixture.Component("ppo", ("steps", steps), ("envs", 4), ("rollout", 32)));
        EnvironmentFactory factory = (_, _, count, seed) => new GoalGrid(count, seed) { Withheld = withheld };
        return (ActorCriticPolicy)new TorchTrainer().Train(spec, TrainingFixture.ReachGoal, seed: 3, factory, TrainingFixture.OneThread, null, CancellationToken.None);
    }

    private static bool SameOutputs(ActorCriticPolicy a, ActorCriticPolicy b)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = rand(5, 2, 5, 5);
        return a.Model.forward(input).Item1.allclose(b.Model.forward(input).Item1, rtol: 0, atol: 0);
    }

    [Fact]
    public void With_every_episode_withheld_the_model_learns_nothing()
    {
        using var short_ = Train(256, withheld: _ => true);
        using var long_ = Train(1024, withheld: _ => true);
        using var learnt = Train(1024, withheld: null);

        Assert.True(SameOutputs(short_, long_));
        Assert.False(SameOutputs(long_, learnt));
        Assert.All(long_.LearningCurve, point => Assert.Equal(0, point.Loss));
    }

    [Fact]
    public void With_some_episodes_withheld_the_model_learns_from_the_others_only()
    {
        using var none = Train(1024, withheld: _ => true);
        using var some = Train(1024, withheld: slot => slot % 2 == 0);
        using var all = Train(1024, withheld: null);

        Assert.False(SameOutputs(some, none));
        Assert.False(SameOutputs(some, all));
        Assert.All(some.LearningCurve, point => Assert.True(point.Loss is { } loss && double.IsFinite(loss) && loss != 0));
    }

    [Fact]
    public void A2c_and_recurrent_models_leave_withheld_steps_out_too()
    {
        var a2c = TrainingFixture.Component("a2c", ("steps", 512), ("envs", 4), ("rollout", 8));
        using var a2cNone = Train(512, withheld: _ => true, a2c);
        using var a2cSome = Train(512, withheld: slot => slot == 0, a2c);
        Assert.False(SameOutputs(a2cNone, a2cSome));
        Assert.All(a2cSome.LearningCurve, point => Assert.True(point.Loss is { } loss && double.IsFinite(loss)));

        var lstm = TrainingFixture.Component("lstm", ("hidden", new[] { 8 }), ("size", 16));
        using var lstmNone = Train(512, withheld: _ => true, model: lstm);
        using var lstmNoneLonger = Train(1024, withheld: _ => true, model: lstm);
        using var lstmSome = Train(512, withheld: slot => slot == 0, model: lstm);
        Assert.True(SameOutputs(lstmNone, lstmNoneLonger));
        Assert.False(SameOutputs(lstmNone, lstmSome));
    }
}
