using MesaSpec.Language.Catalogue;

namespace MesaSpec.Gridworld.Movements;

/// <summary>A movement relative to a target (<c>agent</c> or an item kind): one step toward it or away from it.</summary>
public abstract class TargetMovementComponent(ComponentDescriptor descriptor, bool toward) : IMovementComponent
{
    public ComponentDescriptor Descriptor => descriptor;

    public IMovement Create(ComponentArguments arguments, MovementContext context) =>
        new Relative(context.Target(arguments.String(descriptor.TargetParameter!)), toward, arguments.PositiveInt("every"));

    private sealed class Relative(MovementTarget target, bool toward, int every) : IMovement
    {
        public int Period => every;

        // Moves on the every-th step, the every*2-th and so on, so a slower item starts by waiting.
        public int Move(int cell, IMovementGrid grid, IRandomSource random) =>
            (grid.Step + 1) % every != 0 ? cell : toward ? grid.StepToward(cell, target) : grid.StepAway(cell, target);
    }
}

/// <summary><c>chase(target)</c>: one step along a shortest path to the nearest target.</summary>
public sealed class ChaseMovement() : TargetMovementComponent(BuiltinComponents.Chase, toward: true);

/// <summary><c>flee(target)</c>: one step to the neighbour farthest from the nearest target, when that is farther.</summary>
public sealed class FleeMovement() : TargetMovementComponent(BuiltinComponents.Flee, toward: false);

/// <summary><c>lead(route: [a, b, c])</c>: toward the first kind of the route with an item still present.</summary>
public sealed class LeadMovement : IMovementComponent
{
    public ComponentDescriptor Descriptor => BuiltinComponents.Lead;

    public IMovement Create(ComponentArguments arguments, MovementContext context)
    {
        var route = arguments.StringList("route");
        if (route.Count == 0)
        {
            throw new ComponentArgumentException("'route' names at least one kind to head for");
        }
        return new Leader([.. route.Select(context.Target)], arguments.PositiveInt("every"));
    }

    private sealed class Leader(MovementTarget[] route, int every) : IMovement
    {
        public int Period => every;

        public int Move(int cell, IMovementGrid grid, IRandomSource random)
        {
            if ((grid.Step + 1) % every != 0)
            {
                return cell;
            }
            foreach (var target in route)
            {
                if (grid.IsPresent(target))
                {
                    return grid.StepToward(cell, target);
                }
            }
            return cell;
        }
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
