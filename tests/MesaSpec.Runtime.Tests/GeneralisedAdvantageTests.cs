using MesaSpec.Runtime.Training;

namespace MesaSpec.Runtime.Tests;

public sealed class GeneralisedAdvantageTests
{
    [Fact]
    public void With_lambda_one_the_return_is_the_discounted_sum_bootstrapped_from_the_last_value()
    {
        // One environment, three steps, no episode end: return_t = r_t + g r_{t+1} + g^2 r_{t+2} + g^3 V_last.
        float[] rewards = [1, 0, 2];
        float[] values = [0.5f, 0.25f, 1];
        bool[] ended = [false, false, false];
        var advantages = new float[3];
        var returns = new float[3];

        GeneralisedAdvantage.Compute(rewards, values, ended, [4], envs: 1, gamma: 0.5, lambda: 1, advantages, returns);

        Assert.Equal(1 + 0.5 * 0 + 0.25 * 2 + 0.125 * 4, returns[0], 5);
        Assert.Equal(0 + 0.5 * 2 + 0.25 * 4, returns[1], 5);
        Assert.Equal(2 + 0.5 * 4, returns[2], 5);
        Assert.Equal(returns[0] - values[0], advantages[0], 5);
    }

    [Fact]
    public void Nothing_is_bootstrapped_across_an_episode_end()
    {
        // Two environments interleaved time-major; environment 0 ends at step 0.
        float[] rewards = [1, 0, 3, 0];
        float[] values = [0.5f, 0, 2, 0];
        bool[] ended = [true, false, false, false];
        var advantages = new float[4];
        var returns = new float[4];

        GeneralisedAdvantage.Compute(rewards, values, ended, [10, 0], envs: 2, gamma: 0.9, lambda: 0.95, advantages, returns);

        Assert.Equal(1 - 0.5, advantages[0], 5);
        Assert.Equal(3 + 0.9 * 10 - 2, advantages[2], 5);
    }

    [Fact]
    public void With_lambda_zero_the_advantage_is_the_one_step_temporal_difference()
    {
        float[] rewards = [1, 1];
        float[] values = [2, 3];
        bool[] ended = [false, false];
        var advantages = new float[2];
        var returns = new float[2];

        GeneralisedAdvantage.Compute(rewards, values, ended, [5], envs: 1, gamma: 0.9, lambda: 0, advantages, returns);

        Assert.Equal(1 + 0.9 * 3 - 2, advantages[0], 5);
        Assert.Equal(1 + 0.9 * 5 - 3, advantages[1], 5);
    }
}
