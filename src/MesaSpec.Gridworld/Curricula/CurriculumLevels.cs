using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Curricula;

/// <summary>Puts a training distribution's curriculum, when it has one, over the level source of its fresh levels.</summary>
public static class CurriculumLevels
{
    /// <summary>
    /// <paramref name="fresh"/> itself without a curriculum (domain randomisation), else the curriculum's source over it.
    /// The planner is the first environment's: a mixture's environments share grid, horizon and items (MS2042).
    /// </summary>
    public static ILevelSource Over(ILevelSource fresh, TrainingDistribution distribution, ObjectiveModel objective, ItemKinds items, int slots, long seed)
    {
        if (distribution.Curriculum is not { } curriculum)
        {
            return fresh;
        }
        var call = curriculum.Component;
        var entry = call.Entry as ICurriculumComponent
            ?? Components.GridworldComponents.Builtin.Entry<ICurriculumComponent>(ComponentKind.Curriculum, call.Name)
            ?? throw new InvalidOperationException($"curriculum '{call.Name}' has no implementation in this host");
        var planner = new EnvironmentPlanner(distribution.Components[0].Environment, items, discount: curriculum.Discount);
        return entry.Create(new ComponentArguments(call, call.Descriptor ?? entry.Descriptor), new CurriculumContext(fresh, planner, objective, slots, seed));
    }
}
