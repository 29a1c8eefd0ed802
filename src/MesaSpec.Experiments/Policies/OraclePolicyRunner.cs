using System.Runtime.CompilerServices;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Policies;

/// <summary>
/// Acts optimally for <see cref="Objective"/> through the exact planner, inside episodes that follow the
/// environment's own rules (its training objective's end conditions, hazards, horizon). A reference policy:
/// it shows what a model that had learned exactly this objective would do, so it tests the measurement.
/// Once its objective has ended but the episode goes on, every action is equally good and it presses "up".
/// It plans with the experiment's discount, so "optimal" means what the scores reward: reaching the goal soonest.
/// Plans once per level (cached by level when the environment's levels are immutable).
/// </summary>
public sealed class OraclePolicyRunner(ObjectiveModel objective, double discount = ExperimentModel.DefaultDiscount) : IPolicy
{
    private readonly ConditionalWeakTable<Level, Plan> plansByLevel = new();
    private GridVectorEnvironment? environment;
    private EnvironmentPlanner? planner;
    private CompiledObjective? compiled;
    private Plan?[] plans = [];
    private long[] serials = [];
    private bool[] finished = [];
    private ulong[] counters = [];

    public ObjectiveModel Objective { get; } = objective;

    public void Act(IVectorEnvironment vectorEnvironment, Span<int> actions)
    {
        var grid = vectorEnvironment as GridVectorEnvironment
            ?? throw new InvalidOperationException($"the oracle policy plans on gridworld environments, not on {vectorEnvironment.GetType().Name}");
        Bind(grid);
        for (var slot = 0; slot < grid.Count; slot++)
        {
            if (plans[slot] is null || serials[slot] != grid.Serial(slot))
            {
                serials[slot] = grid.Serial(slot);
                finished[slot] = false;
                counters[slot] = 0;
                plans[slot] = PlanFor(grid, grid.LevelOf(slot));
            }
            else if (!finished[slot])
            {
                // The slot's last step belongs to this episode: did it end the oracle's own objective (and what did it count)?
                compiled!.Score(grid.LastOutcome(slot), ref counters[slot], out var ends);
                finished[slot] = ends;
            }
            actions[slot] = plans[slot]!.ChooseAction(grid.AgentCell(slot), grid.AliveItems(slot), grid.HeldKeys(slot), finished[slot] ? 1 : 0, grid.StepIndex(slot),
                grid.PackedEntities(slot), counters[slot], grid.PackedMemory(slot));
        }
    }

    private void Bind(GridVectorEnvironment grid)
    {
        if (ReferenceEquals(grid, environment))
        {
            return;
        }
        environment = grid;
        planner = new EnvironmentPlanner(grid.Environment, grid.Items, discount: discount);
        compiled = planner.Compile(Objective);
        plans = new Plan?[grid.Count];
        serials = new long[grid.Count];
        finished = new bool[grid.Count];
        counters = new ulong[grid.Count];
    }

    private Plan PlanFor(GridVectorEnvironment grid, Level level)
    {
        if (!grid.LevelsAreStable)
        {
            return Solve(grid, level);
        }
        return plansByLevel.GetValue(level, l => Solve(grid, l));
    }

    private Plan Solve(GridVectorEnvironment grid, Level level) =>
        planner!.Solve(level, grid.Objective.Objective, Objective);
}
