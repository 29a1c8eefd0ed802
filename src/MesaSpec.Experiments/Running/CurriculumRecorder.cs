using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Curricula;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Hands a trainer the gridworld environments and keeps the curriculum of each one it builds: the trainer builds one
/// environment per phase, in phase order, so the i-th environment's curriculum is phase i's, read after training.
/// </summary>
internal sealed class CurriculumRecorder(EnvironmentFactory environments)
{
    private readonly List<ICurriculum?> built = [];

    public IVectorEnvironment Factory(TrainingDistribution distribution, ObjectiveModel objective, int count, int seed)
    {
        var environment = environments(distribution, objective, count, seed);
        built.Add((environment as GridVectorEnvironment)?.LevelSource as ICurriculum);
        return environment;
    }

    /// <summary>What phase <paramref name="index"/>'s curriculum did; null without one.</summary>
    public CurriculumReport? Report(int index, TrainingPhase phase)
    {
        if (phase.Distribution.Curriculum is not { } curriculum || index >= built.Count || built[index] is not { } source)
        {
            return null;
        }
        return new CurriculumReport(
            curriculum.Component.Name,
            curriculum.Component.Arguments.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()),
            source.Summary());
    }
}
