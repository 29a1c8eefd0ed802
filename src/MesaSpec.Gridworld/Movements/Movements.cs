using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Movements;

/// <summary><c>chase(target)</c>: one step along a shortest path to the nearest target.</summary>
public sealed class ChaseMovement : IMovementComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Chase;

    public IMovement Create(ComponentArguments arguments, MovementContext context) =>
        new Toward(context.Target(arguments.String(BuiltinComponents.Chase.TargetParameter!)));

    private sealed class Toward(MovementTarget target) : IMovement
    {
        public int Move(int cell, IMovementGrid grid, IRandomSource random) => grid.StepToward(cell, target);
    }
}

/// <summary><c>flee(target)</c>: one step to the neighbour farthest from the nearest target, when that is farther.</summary>
public sealed class FleeMovement : IMovementComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Flee;

    public IMovement Create(ComponentArguments arguments, MovementContext context) =>
        new Away(context.Target(arguments.String(BuiltinComponents.Flee.TargetParameter!)));

    private sealed class Away(MovementTarget target) : IMovement
    {
        public int Move(int cell, IMovementGrid grid, IRandomSource random) => grid.StepAway(cell, target);
    }
}

/// <summary><c>wander(p)</c>: with probability p a step in a uniformly chosen direction (blocked: stays).</summary>
public sealed class WanderMovement : IMovementComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Wander;

    public IMovement Create(ComponentArguments arguments, MovementContext context) => new Random(arguments.UnitFloat("p"));

    private sealed class Random(double p) : IMovement
    {
        public int Move(int cell, IMovementGrid grid, IRandomSource random)
        {
            // Both draws every step, so how many values a step consumes does not depend on what happened.
            var moves = random.NextDouble() < p;
            var direction = random.NextInt(4);
            return moves && grid.Neighbour(cell, direction) is var next && next >= 0 ? next : cell;
        }
    }
}
