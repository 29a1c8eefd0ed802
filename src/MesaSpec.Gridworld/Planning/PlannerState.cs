namespace MesaSpec.Gridworld.Planning;

/// <summary>
/// What the future of an episode depends on: the agent's cell, which changeable items remain, which keys
/// are held, and which scored objectives have already ended (bit k of <see cref="Finished"/>).
/// Time is the other coordinate; the planner indexes values by (time, state).
/// </summary>
public readonly record struct PlannerState(int Cell, ulong Alive, ulong Held, int Finished);
