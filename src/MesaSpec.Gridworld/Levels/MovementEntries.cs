using MesaSpec.Gridworld.Components;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Levels;

/// <summary>Builds an item kind's movement from its registry entry (the one the binder paired, else the built-in of that name).</summary>
internal static class MovementEntries
{
    public static IMovement Create(EnvironmentModel environment, ItemModel item, ComponentModel call)
    {
        var entry = call.Entry as IMovementComponent ?? GridworldComponents.Builtin.Entry<IMovementComponent>(ComponentKind.Movement, call.Name)
            ?? throw new LevelGenerationException(environment.Name, call.Name, null,
                $"environment '{environment.Name}': unknown movement '{call.Name}' of item '{item.Kind}': no implementation is loaded");
        var context = new MovementContext(environment.Name, item.Kind, [.. environment.Items.Select(i => i.Kind)]) { Width = environment.Width, Height = environment.Height };
        try
        {
            return entry.Create(new ComponentArguments(call, call.Descriptor ?? entry.Descriptor), context);
        }
        catch (Exception e) when (e is not LevelGenerationException)
        {
            throw new LevelGenerationException(environment.Name, call.Name, null,
                $"environment '{environment.Name}': movement '{call.Name}' of item '{item.Kind}' failed: {e.Message}");
        }
    }
}
