namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// What the future of an episode depends on: the agent's cell, which changeable items remain, which keys and shields
/// are held, which scored objectives have already ended (bit k of <see cref="Finished"/>), where the entities are
/// (<see cref="EntityPacking"/>) and the scored objectives' reward counters, concatenated (<see cref="Counters"/>).
/// Time is the other coordinate; the planner indexes values by (time, state). <see cref="Phase"/> is the time modulo
/// the movements' period (<see cref="Levels.ItemKinds.MovementPeriod"/>), 0 when no movement depends on the step: the
/// same cells at different phases have different futures. <see cref="Memory"/> is what the entities' movements remember
/// (<see cref="EntityPacking.PackMemory"/>, 0 when none does); it sits beside the phase, in what would be padding.
/// </summary>
public readonly record struct PlannerState(int Cell, ulong Alive, ulong Held, int Finished, ulong Entities = 0, ulong Counters = 0, int Phase = 0, int Memory = 0);
