using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Language.Model;

namespace MesaSpec.Runtime.Tests;

/// <summary>Specs, component calls and measurements shared by the training tests.</summary>
internal static class TrainingFixture
{
    public static readonly EnvironmentModel Environment = new(
        "GoalGrid", "Goal grid", 5, 5, new NoWalls(), new AnywhereRegion(), [], 20, new FullObservation(), null);

    public static readonly ObjectiveModel ReachGoal = new("ReachGoal", [], []);

    // One thread: the test machine is shared, and OpenMP barriers between two threads stall under contention.
    public static readonly TrainingSettings OneThread = new(Threads: 1, Device: "cpu", CheckpointDirectory: null);

    public static EnvironmentFactory GoalGrids(float goalReward = 1f) =>
        (_, _, count, seed) => new GoalGrid(count, seed) { GoalReward = goalReward };

    public static ComponentModel Component(string name, params (string Name, object Value)[] arguments) =>
        new(name, arguments.ToDictionary(a => a.Name, a => ToValue(a.Value)));

    public static TrainedPolicy Spec(ComponentModel model, ComponentModel algorithm) => new(Environment, model, algorithm);

    /// <summary>Mean return of the episodes that end within <paramref name="steps"/> steps of acting with <paramref name="act"/>.</summary>
    public static double MeanReturn(IVectorEnvironment environment, Action<IVectorEnvironment, int[]> act, int steps)
    {
        var actions = new int[environment.Count];
        var rewards = new float[environment.Count];
        var dones = new bool[environment.Count];
        var truncated = new bool[environment.Count];
        var running = new double[environment.Count];
        var finished = new List<double>();
        for (var t = 0; t < steps; t++)
        {
            act(environment, actions);
            environment.Step(actions, rewards, dones, truncated);
            for (var e = 0; e < environment.Count; e++)
            {
                running[e] += rewards[e];
                if (dones[e])
                {
                    finished.Add(running[e]);
                    running[e] = 0;
                }
            }
        }
        return finished.Average();
    }

    private static Value ToValue(object raw) => raw switch
    {
        int i => new Value((long)i),
        int[] list => new Value(list.Select(i => new Value((long)i)).ToList()),
        _ => new Value(raw),
    };
}
