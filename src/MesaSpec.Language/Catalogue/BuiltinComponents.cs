using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

[assembly: ComponentDescriptors(typeof(BuiltinComponents))]

namespace MesaSpec.Language.Catalogue;

/// <summary>
/// Descriptors of the built-in components. Their implementation entries (Gridworld's wall generators,
/// Runtime's models and algorithms) hold these very objects, so schema and implementation cannot drift; the
/// descriptors live here, in the descriptors-only layer, because the language server reads them and never
/// loads the Runtime. Declared through <see cref="ComponentDescriptorsAttribute"/>, exactly as a plugin's are.
/// </summary>
public sealed class BuiltinComponents : IComponentProvider
{
    private static Value I(long v) => new(v);
    private static Value F(double v) => new(v);
    private static Value S(string v) => new(v);
    private static Value B(bool v) => new(v);
    private static Value Ints(params long[] v) => new(v.Select(x => new Value(x)).ToArray());

    public static ComponentDescriptor Maze { get; } = new ComponentDescriptor("maze", ComponentKind.Walls,
        "A perfect maze (one path between any two cells), generated afresh for every level. Rooms sit on even coordinates, so with odd width and height all four corner cells are open.",
        [
            new("loops", MesaType.Float, F(0), "Fraction of remaining walls knocked down after generation, adding alternative paths (0 = a perfect maze).", 0, 1),
        ])
    {
        NeedsOddGrid = true,
    };

    public static ComponentDescriptor Rooms { get; } = new("rooms", ComponentKind.Walls,
        "The grid split into rooms by straight walls, each wall with one doorway placed at random per level.",
        [
            new("count", MesaType.Int, I(4), "Number of rooms: 2 (one wall), or 4 (a cross).", 2, 4, ["2", "4"]),
        ]);

    public static ComponentDescriptor Border { get; } = new("border", ComponentKind.Walls,
        "Walls on the outermost ring of cells only; the inside is open floor.",
        []);

    public static ComponentDescriptor Mlp { get; } = new ComponentDescriptor("mlp", ComponentKind.Model,
        "A multilayer perceptron over the flattened observation, with a policy head and a value head (actor-critic).",
        [
            new("hidden", MesaType.ListOf(MesaType.Int), Ints(128, 128), "Width of each hidden layer; its length is the depth. Model capacity, in the paper's terms the model's algorithmic range.", 1, 65536),
            new("activation", MesaType.String, S("tanh"), "Nonlinearity between layers.", Choices: ["tanh", "relu"]),
        ])
    {
        // Dense layers from the flattened observation through each hidden width to the policy and value heads.
        ParameterCount = (arguments, cells) => DenseChain([cells, .. Widths(arguments, "hidden"), ActionHeads]),
        ReadableLayers = m => m.List("hidden").Count,
    };

    public static ComponentDescriptor Lstm { get; } = new ComponentDescriptor("lstm", ComponentKind.Model,
        "A recurrent policy: dense layers on the flattened observation, then an LSTM cell whose state is carried through each episode (reset at its start), with policy and value heads. Memory lets a policy plan over steps or act on what it saw before.",
        [
            new("hidden", MesaType.ListOf(MesaType.Int), Ints(64), "Width of each dense layer before the LSTM cell; its length is the depth.", 1, 65536),
            new("size", MesaType.Int, I(128), "Units of the LSTM cell (the size of the memory).", 1, 65536),
        ])
    {
        // Dense layers to the cell's input, the cell's four gates over its input and its own state (two biases each, as
        // LibTorch's), and the heads on the state.
        ParameterCount = (arguments, cells) =>
        {
            var widths = Widths(arguments, "hidden");
            var size = Number(arguments, "size", 128);
            var input = widths.Length > 0 ? widths[^1] : cells;
            return DenseChain([cells, .. widths]) + 4 * size * (input + size + 2) + DenseChain([size, ActionHeads]);
        },
        ReadableLayers = m => m.List("hidden").Count + 1, // the dense layers, then the memory
    };

    public static ComponentDescriptor ConvLstm { get; } = new ComponentDescriptor("conv_lstm", ComponentKind.Model,
        "A convolutional recurrent policy (a small DRC-style planner): 3x3 convolutions, then a convolutional LSTM cell whose state keeps the grid's layout and is carried through each episode, then mean and max pooling over the grid and a dense layer with policy and value heads. The pooling makes it usable on grids of any size.",
        [
            new("channels", MesaType.ListOf(MesaType.Int), Ints(16), "Output channels of each 3x3 convolution before the recurrent cell.", 1, 4096),
            new("size", MesaType.Int, I(32), "Channels of the convolutional LSTM's state at every cell.", 1, 4096),
            new("hidden", MesaType.Int, I(128), "Width of the dense layer after the pooling.", 1, 65536),
        ])
    {
        // The 3x3 convolutions (counted per input channel, as cnn's), the cell's one 3x3 convolution from its input and
        // its state to its four gates, then the dense layer over the mean and maximum of the state, and the heads.
        ParameterCount = (arguments, cells) =>
        {
            var (convolutions, input) = Convolutions(Widths(arguments, "channels"));
            var size = Number(arguments, "size", 32);
            return convolutions + (9 * (input + size) + 1) * 4 * size + DenseChain([2 * size, Number(arguments, "hidden", 128), ActionHeads]);
        },
        ReadableLayers = m => m.List("channels").Count + 2, // the convolutions, the memory, the dense layer
        AnyGridSize = _ => true, // the pooling before the dense layer
    };

    public static ComponentDescriptor Cnn { get; } = new ComponentDescriptor("cnn", ComponentKind.Model,
        "A convolutional network over the one-hot grid channels (3x3 convolutions, then a dense layer), with policy and value heads. With pool: global it pools over the grid before the dense layer and is usable on grids of any size.",
        [
            new("channels", MesaType.ListOf(MesaType.Int), Ints(16, 32), "Output channels of each 3x3 convolution layer.", 1, 4096),
            new("hidden", MesaType.Int, I(128), "Width of the dense layer after the convolutions.", 1, 65536),
            new("pool", MesaType.String, S(CnnFlatten), "How the last convolution reaches the dense layer: flatten (every cell's features, so the model is tied to its training grid size) or global (the mean and the maximum of each channel over the grid, so the model acts on grids of any size; each cell then sees only as far as the convolutions reach).",
                Choices: [CnnFlatten, CnnGlobalPool]),
        ])
    {
        // 3x3 convolutions that keep the grid's size, then one dense layer over every cell of the last one, or over
        // its mean and maximum per channel.
        ParameterCount = (arguments, cells) =>
        {
            var (convolutions, input) = Convolutions(Widths(arguments, "channels"));
            var hidden = Number(arguments, "hidden", 128);
            var pooled = arguments.TryGetValue("pool", out var p) && p.AsString() == CnnGlobalPool;
            return convolutions + DenseChain([pooled ? 2 * input : input * cells, hidden, ActionHeads]);
        },
        ReadableLayers = m => m.List("channels").Count + 1,
        AnyGridSize = m => m.Arguments.TryGetValue("pool", out var pool) && pool.AsString() == CnnGlobalPool,
        AnyGridSizeArgument = $"pool: {CnnGlobalPool}",
    };

    /// <summary><c>cnn(pool: ...)</c>: a dense layer over every cell (the default, tied to the grid size) or over a global pooling.</summary>
    public const string CnnFlatten = "flatten";

    /// <inheritdoc cref="CnnFlatten"/>
    public const string CnnGlobalPool = "global";

    /// <summary>The policy's actions and the value: the width the last layer feeds.</summary>
    private const double ActionHeads = 6;

    private static double[] Widths(IReadOnlyDictionary<string, Value> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.Raw is IReadOnlyList<Value> list ? [.. list.Select(v => v.AsFloat())] : [];

    private static double Number(IReadOnlyDictionary<string, Value> arguments, string name, double fallback) =>
        arguments.TryGetValue(name, out var value) ? value.AsFloat() : fallback;

    /// <summary>Weights and biases of 3x3 convolutions from one input channel through each width, and the last width.</summary>
    private static (double Parameters, double Output) Convolutions(double[] channels)
    {
        double parameters = 0, input = 1;
        foreach (var c in channels)
        {
            parameters += (9 * input + 1) * c;
            input = c;
        }
        return (parameters, input);
    }

    /// <summary>Weights and biases of dense layers between consecutive widths.</summary>
    private static double DenseChain(double[] widths)
    {
        double total = 0;
        for (var i = 0; i + 1 < widths.Length; i++)
        {
            total += (widths[i] + 1) * widths[i + 1];
        }
        return total;
    }

    public static ComponentDescriptor Ppo { get; } = new ComponentDescriptor("ppo", ComponentKind.Algorithm,
        "Proximal Policy Optimization (Schulman et al. 2017): vectorised rollouts, GAE advantages, a clipped surrogate objective, value loss and an entropy bonus.",
        [
            new("steps", MesaType.Int, I(200_000), "Total environment steps of training: the base optimizer's budget.", 1, 1e10),
            new("envs", MesaType.Int, I(32), "Environments stepped in parallel.", 1, 4096),
            new("rollout", MesaType.Int, I(64), "Steps per environment between updates (with 32 environments, 2,048 steps per update).", 1, 65536),
            new("epochs", MesaType.Int, I(3), "Passes over each rollout.", 1, 100),
            new("minibatches", MesaType.Int, I(8), "Minibatches per epoch (256 steps each with the defaults).", 1, 4096),
            new("lr", MesaType.Float, F(5e-4), "Adam learning rate.", 0, 1),
            new("gamma", MesaType.Float, F(0.99), "Discount factor.", 0, 1),
            new("lambda", MesaType.Float, F(0.95), "GAE lambda.", 0, 1),
            new("clip", MesaType.Float, F(0.2), "Clipping range of the probability ratio (0 leaves the policy where it is).", 0, 1),
            new("entropy", MesaType.Float, F(0.01), "Entropy bonus coefficient.", 0, 10),
            new("value_coef", MesaType.Float, F(0.5), "Value loss coefficient.", 0, 100),
            new("max_grad_norm", MesaType.Float, F(0.5), "Gradient clipping norm.", 0, 1e6),
        ]) with { Budget = "steps", Discount = "gamma" };

    public static ComponentDescriptor A2c { get; } = new ComponentDescriptor("a2c", ComponentKind.Algorithm,
        "Advantage Actor-Critic (Mnih et al. 2016), synchronous: one gradient step per short rollout.",
        [
            new("steps", MesaType.Int, I(200_000), "Total environment steps of training.", 1, 1e10),
            new("envs", MesaType.Int, I(32), "Environments stepped in parallel.", 1, 4096),
            new("rollout", MesaType.Int, I(8), "Steps per environment between updates.", 1, 65536),
            new("lr", MesaType.Float, F(7e-4), "Learning rate.", 0, 1),
            new("gamma", MesaType.Float, F(0.99), "Discount factor.", 0, 1),
            new("lambda", MesaType.Float, F(1.0), "GAE lambda (1 = plain n-step returns).", 0, 1),
            new("entropy", MesaType.Float, F(0.01), "Entropy bonus coefficient.", 0, 10),
            new("value_coef", MesaType.Float, F(0.5), "Value loss coefficient.", 0, 100),
            new("max_grad_norm", MesaType.Float, F(0.5), "Gradient clipping norm.", 0, 1e6),
        ]) with { Budget = "steps", Discount = "gamma" };

    public static ComponentDescriptor LinearAttention { get; } = new ComponentDescriptor("linear_attention", ComponentKind.Model,
        "Linear self-attention over the prompt's tokens [x; y] (the query's y is 0), read out at the query's y (von Oswald et al. 2023). Each layer adds W_PV (1/N sum_i e_i e_i^T) W_KQ e to every token: one layer can implement one step of gradient descent on the context's squared loss.",
        [
            new("layers", MesaType.Int, I(1), "Attention layers (residual, no MLP, no normalisation).", 1, 16),
        ]) with { ForTasks = true };

    public static ComponentDescriptor Transformer { get; } = new ComponentDescriptor("transformer", ComponentKind.Model,
        "A small softmax transformer over the prompt's tokens: a linear embedding, pre-norm blocks of single-head softmax self-attention and a ReLU MLP, read out at the query token.",
        [
            new("layers", MesaType.Int, I(2), "Transformer blocks.", 1, 16),
            new("width", MesaType.Int, I(32), "Width of the token embedding.", 4, 1024),
        ]) with { ForTasks = true };

    public static ComponentDescriptor Adam { get; } = new ComponentDescriptor("adam", ComponentKind.Algorithm,
        "Supervised training with Adam (Kingma & Ba 2015) on fresh prompts of the task: the mean squared error of the query's prediction.",
        [
            new("steps", MesaType.Int, I(10_000), "Gradient steps: the base optimizer's budget.", 1, 1e8),
            new("lr", MesaType.Float, F(1e-3), "Adam learning rate.", 0, 1),
            new("batch", MesaType.Int, I(512), "Prompts per gradient step.", 1, 65536),
        ]) with { Budget = "steps", ForTasks = true };

    public static ComponentDescriptor Plr { get; } = new("plr", ComponentKind.Curriculum,
        "Prioritised level replay scored by planner regret (PLR, Jiang et al. 2021; the regret-based curricula of Abdel Sadek, Farrugia-Roberts et al. 2025): a buffer of training levels, each scored by its oracle regret, the optimal discounted return of the phase's objective (from the exact planner, once per level) minus the return the agent achieved there. Once the buffer is full, each episode replays a buffered level with probability `replay`, chosen by the rank of its regret mixed with how long since it was played; other episodes play fresh levels, which enter the buffer when they beat its lowest regret. The model trains on every episode, or with `robust: true` on replayed ones only (PLR⊥). Without a curriculum a phase uses domain randomisation: every episode a fresh level.",
        [
            new("buffer", MesaType.Int, I(256), "Levels the buffer keeps.", 1, 100_000),
            new("replay", MesaType.Float, F(0.5), "Probability that an episode replays a buffered level (once the buffer is full); 0 is domain randomisation with the regrets only recorded.", 0, 1),
            new("temperature", MesaType.Float, F(0.3), "β of the rank prioritisation: rank r weighs (1/r)^(1/β); lower is greedier for high regret.", 1e-3, 100),
            new("staleness", MesaType.Float, F(0.3), "ρ: the share of the replay choice that goes by episodes since a level was last played, so no buffered level's score grows stale.", 0, 1),
            new("robust", MesaType.Bool, B(false), "PLR⊥: learn from replayed levels only, fresh levels being only scored (no gradient until the buffer is full); false learns from every episode."),
        ]);

    private static ComponentParameter MovementTarget(string doc) => new("target", MesaType.String, S("agent"), doc);

    private static ComponentParameter MovementEvery { get; } = new("every", MesaType.Int, I(1),
        "It moves on every `every`-th step only (1: every step; 2: half the agent's speed, waiting first). Deterministic, so still planned exactly.", 1, 16);

    public static ComponentDescriptor Chase { get; } = new ComponentDescriptor("chase", ComponentKind.Movement,
        "Each step (or every `every`-th step), after the agent has moved, the item steps to the neighbouring cell that starts a shortest path (through the walls) to the nearest `target`; it stays when no such path exists or it is already there. Ties go up, right, down, left. Deterministic, so the exact planner scores it.",
        [MovementTarget("What it moves toward: `agent`, or an item kind of the environment (its nearest item still present)."), MovementEvery])
    {
        TargetParameter = "target",
    };

    public static ComponentDescriptor Flee { get; } = new ComponentDescriptor("flee", ComponentKind.Movement,
        "Each step (or every `every`-th step), after the agent has moved, the item steps to the neighbouring cell farthest (by shortest path through the walls) from the nearest `target`, if that is farther than where it is; otherwise it stays. Ties go up, right, down, left. Deterministic.",
        [MovementTarget("What it moves away from: `agent`, or an item kind of the environment."), MovementEvery])
    {
        TargetParameter = "target",
    };

    public static ComponentDescriptor Lead { get; } = new ComponentDescriptor("lead", ComponentKind.Movement,
        "A leader (jaxgmg's Follow Me): each step (or every `every`-th step), after the agent has moved, the item steps along a shortest path toward the first kind of `route` that still has an item on the grid, so it visits them in that order as they are collected; with none left it stays. Deterministic (where it heads is read from the items left), so the exact planner scores it.",
        [new("route", MesaType.ListOf(MesaType.String), null, "The kinds it heads for, in order: item kinds of the environment (or `agent`, which is always there, last)."), MovementEvery])
    {
        TargetParameter = "route",
    };

    public static ComponentDescriptor Patrol { get; } = new("patrol", ComponentKind.Movement,
        "A patrol: each step (or every `every`-th step), after the agent has moved, the item steps along a shortest path through the walls toward its current waypoint; on reaching it the next waypoint of `route` becomes current, after the last the first again. A waypoint it cannot reach (a wall, or walled off in a generated maze) is skipped for the next it can reach; with none it stays. Deterministic: which waypoint is current is the item's memory, which the exact planner keeps in its state.",
        [new("route", MesaType.ListOf(MesaType.Cell), null, "The waypoints in order, `[cell(x, y), ...]`, at least two: cells of the grid, not on a wall of a layout.") { MinItems = 2 }, MovementEvery]);

    public static ComponentDescriptor Wander { get; } = new ComponentDescriptor("wander", ComponentKind.Movement,
        "Each step, with probability `p`, the item tries one of the four directions chosen uniformly (a wall or the edge keeps it in place); otherwise it stays. Drawn from the episode's random stream, seeded by the level, so a level replays the same way; the exact planner cannot score it (MS3030).",
        [new("p", MesaType.Float, F(0.5), "Probability of trying a move each step.", 0, 1)])
    {
        Stochastic = true,
    };

    private static ComponentParameter Objective(string doc) => new("objective", MesaType.Objective, null, doc);

    public static ComponentDescriptor Score { get; } = new("score", ComponentKind.Metric,
        "How well the model pursues this objective on *conflict episodes* (where the objectives disagree): the discounted return normalised by the planner's optimal discounted return on the same level (1 = optimal, 0 = nothing earned); compare it with `random_score`.",
        [Objective("A base or mesa objective of the experiment.")]);

    public static ComponentDescriptor ScoreAll { get; } = new("score_all", ComponentKind.Metric,
        "Like `score` but over every episode that scores the objective, conflict or not.",
        [Objective("A base or mesa objective of the experiment.")]);

    public static ComponentDescriptor GoalRate { get; } = new("goal_rate", ComponentKind.Metric,
        "Fraction of episodes in which the objective's goal event happened.",
        [Objective("A base or mesa objective of the experiment.")]);

    public static ComponentDescriptor Capability { get; } = new("capability", ComponentKind.Metric,
        "The best candidate's `score_all`: how competently the model pursues *something*.",
        []);

    public static ComponentDescriptor RandomScore { get; } = new("random_score", ComponentKind.Metric,
        "`score` of a uniformly random policy on the same levels; a floor for comparison.",
        [Objective("A base or mesa objective of the experiment.")]);

    public static ComponentDescriptor CellOf { get; } = new ComponentDescriptor("cell_of", ComponentKind.ProbeFeature,
        "The cell of the objective's target nearest the agent (by shortest path through the walls): one class per cell. Probed by a least-squares classifier; scored by accuracy on held-out levels against the majority class.",
        [Objective("A base or mesa objective of the experiment; its target is the item or region its episode-ending (else its largest) reward is for.")])
    {
        Feature = FeatureKind.Class,
    };

    public static ComponentDescriptor DistanceTo { get; } = new ComponentDescriptor("distance_to", ComponentKind.ProbeFeature,
        "Shortest-path steps from the agent to the objective's nearest target cell. Probed by ridge regression; scored by R² on held-out levels (chance: 0).",
        [Objective("A base or mesa objective of the experiment.")])
    {
        Feature = FeatureKind.Value,
    };

    public static ComponentDescriptor Closer { get; } = new ComponentDescriptor("closer", ComponentKind.ProbeFeature,
        "Whether the first objective's target is nearer the agent than the second's (states where they are equally near are left out; a target that is gone or unreachable counts as farther). Probed by a least-squares classifier with one direction, so it can steer; scored by accuracy against the majority class.",
        [
            new("first", MesaType.Objective, null, "The objective whose target being nearer is the positive class."),
            new("second", MesaType.Objective, null, "The objective it is compared with."),
        ])
    {
        Feature = FeatureKind.Binary,
    };

    public IEnumerable<ComponentDescriptor> GetComponents() =>
        [Maze, Rooms, Border, Mlp, Cnn, Lstm, ConvLstm, Ppo, A2c, LinearAttention, Transformer, Adam, Score, ScoreAll, GoalRate, Capability, RandomScore, CellOf, DistanceTo, Closer, Plr, Chase, Flee, Lead, Patrol, Wander];
}
