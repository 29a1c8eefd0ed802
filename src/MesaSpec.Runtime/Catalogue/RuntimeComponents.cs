namespace MesaSpec.Runtime.Catalogue;

/// <summary>The models and algorithms the Runtime can instantiate, with their parameter schemas.</summary>
public static class RuntimeComponents
{
    public static readonly ComponentDescriptor Mlp = new(
        "mlp",
        ComponentKind.Model,
        [
            new("hidden", ParameterType.IntList, "[128, 128]", "Width of each hidden layer, input side first; the observation is flattened."),
            new("activation", ParameterType.String, "tanh", "Nonlinearity after each hidden layer: tanh or relu."),
        ],
        "A multilayer perceptron on the flattened observation, with a policy head (action logits) and a value head sharing the hidden layers.");

    public static readonly ComponentDescriptor Cnn = new(
        "cnn",
        ComponentKind.Model,
        [
            new("channels", ParameterType.IntList, "[16, 32]", "Output channels of each 3x3 convolution (stride 1, padding 1, ReLU)."),
            new("hidden", ParameterType.Int, "128", "Width of the fully connected layer after the convolutions."),
        ],
        "A convolutional network on the channels-first grid observation, then one hidden layer, with policy and value heads.");

    public static readonly ComponentDescriptor Ppo = new(
        "ppo",
        ComponentKind.Algorithm,
        [
            new("steps", ParameterType.Int, "100000", "Total environment steps (summed over the parallel environments)."),
            new("envs", ParameterType.Int, "16", "Parallel environments stepped together."),
            new("rollout", ParameterType.Int, "64", "Steps per environment between two updates."),
            new("epochs", ParameterType.Int, "4", "Passes over each rollout."),
            new("minibatches", ParameterType.Int, "4", "Minibatches each rollout is split into per epoch."),
            new("lr", ParameterType.Float, "0.0005", "Adam learning rate."),
            new("gamma", ParameterType.Float, "0.99", "Discount factor."),
            new("lambda", ParameterType.Float, "0.95", "GAE(lambda) parameter."),
            new("clip", ParameterType.Float, "0.2", "Clipping range of the probability ratio in the surrogate objective."),
            new("entropy", ParameterType.Float, "0.01", "Weight of the entropy bonus."),
            new("value_coef", ParameterType.Float, "0.5", "Weight of the value loss."),
            new("max_grad_norm", ParameterType.Float, "0.5", "Global gradient norm is clipped to this."),
        ],
        "Proximal policy optimisation (clipped surrogate, GAE, normalised advantages, minibatch epochs) on parallel environments.");

    public static readonly ComponentDescriptor A2c = new(
        "a2c",
        ComponentKind.Algorithm,
        [
            new("steps", ParameterType.Int, "100000", "Total environment steps (summed over the parallel environments)."),
            new("envs", ParameterType.Int, "16", "Parallel environments stepped together."),
            new("rollout", ParameterType.Int, "5", "Steps per environment between two updates."),
            new("lr", ParameterType.Float, "0.0007", "Adam learning rate."),
            new("gamma", ParameterType.Float, "0.99", "Discount factor."),
            new("lambda", ParameterType.Float, "1.0", "GAE(lambda) parameter; 1 gives n-step returns."),
            new("entropy", ParameterType.Float, "0.01", "Weight of the entropy bonus."),
            new("value_coef", ParameterType.Float, "0.5", "Weight of the value loss."),
            new("max_grad_norm", ParameterType.Float, "0.5", "Global gradient norm is clipped to this."),
        ],
        "Synchronous advantage actor-critic: one policy-gradient step per short rollout of parallel environments.");

    /// <summary>Every component, models first.</summary>
    public static IReadOnlyList<ComponentDescriptor> All { get; } = [Mlp, Cnn, Ppo, A2c];

    public static ComponentDescriptor? Find(string name, ComponentKind kind) =>
        All.FirstOrDefault(c => c.Kind == kind && c.Name == name);
}
