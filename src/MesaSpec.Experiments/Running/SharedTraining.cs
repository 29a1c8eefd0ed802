using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// The models of a sweep whose points train alike (<see cref="ExperimentPlan.TrainsOnce"/>): each seed is trained at
/// the first point and that model is evaluated at every later one, instead of training it again to the same weights
/// (training is a deterministic function of the spec's training lines, the seed and the thread count). Holds the
/// models until the run ends.
/// </summary>
public sealed class SharedTraining : IDisposable
{
    private readonly Dictionary<int, Trained> bySeed = [];

    /// <summary>A seed's model, the point that trained it, and what its training reported.</summary>
    public sealed record Trained(ITrainedPolicy Policy, int Point, TrainingReport Report);

    private SharedTraining()
    {
    }

    /// <summary>
    /// Sharing for a run of <paramref name="plan"/>, or null where each point must train its own: a plan whose
    /// training depends on the swept parameter, points observed in different layouts (an evaluation environment's
    /// items add channels the model is built with), and scores over training (measured on each point's own
    /// evaluation environments while the model trains).
    /// </summary>
    public static SharedTraining? For(ExperimentPlan plan, RunOptions options) => Applies(plan, options) ? new SharedTraining() : null;

    /// <summary>Whether a run of <paramref name="plan"/> trains each seed once (see <see cref="For"/>).</summary>
    public static bool Applies(ExperimentPlan plan, RunOptions options) =>
        plan.TrainsOnce && options.ScoresEvery == 0 && plan.Points[0].Policy is TrainedPolicy
        && plan.Points.Select(p => ObservationLayout.For(p).ToString()).Distinct(StringComparer.Ordinal).Count() == 1;

    /// <summary>The seed's model if an earlier point trained it, restarted to act as fresh from training.</summary>
    public Trained? Take(int seed)
    {
        if (!bySeed.TryGetValue(seed, out var trained))
        {
            return null;
        }
        trained.Policy.RestartActing();
        return trained;
    }

    /// <summary>Keeps a model just trained for later points; from now on this object disposes it.</summary>
    public void Keep(int seed, int point, ITrainedPolicy policy, TrainingReport report) =>
        bySeed.Add(seed, new Trained(policy, point, report));

    public void Dispose()
    {
        foreach (var trained in bySeed.Values)
        {
            trained.Policy.Dispose();
        }
        bySeed.Clear();
    }
}
