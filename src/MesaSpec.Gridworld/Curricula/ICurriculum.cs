using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Curricula;

/// <summary>A level source that chooses training levels by what it learned from earlier episodes; it can say what it did.</summary>
public interface ICurriculum
{
    CurriculumSummary Summary();

    /// <summary>Whether the trainer learns from the episode playing in <paramref name="slot"/> (a robust curriculum only scores fresh levels).</summary>
    bool TrainsOn(int slot);
}

/// <summary>
/// What a curriculum did in one training phase: episodes started and how many replayed a buffered level, levels the
/// planner solved and the time it took, the buffer at the end (its size and mean regret), and the mean regret of the
/// episodes on fresh and on replayed levels (null when there were none).
/// </summary>
public sealed record CurriculumSummary(
    long Episodes,
    long Replayed,
    double ReplayFraction,
    long LevelsPlanned,
    double PlanningSeconds,
    int BufferLevels,
    double BufferMeanRegret,
    double? FreshMeanRegret,
    double? ReplayedMeanRegret);

/// <summary>
/// What a curriculum is built from: the level source of the phase's distribution (its fresh levels), the planner of the
/// phase's levels and the objective they are trained on, the discount of the algorithm, the episodes run at once and the seed.
/// </summary>
public sealed record CurriculumContext(ILevelSource Fresh, EnvironmentPlanner Planner, ObjectiveModel Objective, int Slots, long Seed);

/// <summary>A curriculum component (<c>curriculum plr(...)</c>): the registry entry that builds its level source.</summary>
public interface ICurriculumComponent : IComponentEntry
{
    ILevelSource Create(ComponentArguments arguments, CurriculumContext context);
}

/// <summary><c>curriculum plr(buffer, replay, temperature, staleness)</c>: prioritised level replay scored by planner regret.</summary>
public sealed class PlrCurriculum : ICurriculumComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Plr;

    public ILevelSource Create(ComponentArguments arguments, CurriculumContext context) => new RegretCurriculum(
        context.Fresh,
        new PlrSettings(arguments.PositiveInt("buffer"), arguments.UnitFloat("replay"), arguments.PositiveFloat("temperature"), arguments.UnitFloat("staleness"))
        {
            Robust = arguments.Bool("robust"),
        },
        level => context.Planner.OptimalReturn(level, context.Objective, context.Objective),
        context.Planner.Discount,
        context.Slots,
        context.Seed);
}
