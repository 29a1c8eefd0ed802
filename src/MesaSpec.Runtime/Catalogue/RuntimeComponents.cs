using MesaSpec.Experiments.Training;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Runtime.Catalogue;
using MesaSpec.Runtime.Models;
using MesaSpec.Runtime.Training;

[assembly: ComponentImplementations(typeof(RuntimeComponents))]

namespace MesaSpec.Runtime.Catalogue;

/// <summary>
/// The Runtime's registry entries (models and algorithms), declared through
/// <see cref="ComponentImplementationsAttribute"/> exactly as a plugin declares its own.
/// </summary>
public sealed class RuntimeComponents : IComponentImplementations
{
    /// <summary>The built-in entries, for component models built without a host (tests, tools).</summary>
    public static ComponentCatalog Builtin { get; } = new([new BuiltinComponents()], new RuntimeComponents().GetEntries());

    public IEnumerable<IComponentEntry> GetEntries() => [new MlpModel(), new CnnModel(), new LstmModel(), new ConvLstmModel(), new PpoAlgorithm(), new A2cAlgorithm(), new InContext.LinearAttentionModel(), new InContext.TransformerModel(), new InContext.AdamAlgorithm()];

    /// <summary>
    /// The entry a bound call was paired with, or the built-in of that name for a call built by hand; a
    /// <see cref="TrainingFailedException"/> with a code when neither exists (naming the built-ins of this
    /// contract only: a task model is no actor-critic, and the other way round).
    /// </summary>
    internal static T Resolve<T>(ComponentModel call, ComponentKind kind) where T : class, IComponentEntry =>
        call.Entry as T ?? Builtin.Entry<T>(kind, call.Name)
        ?? throw new TrainingFailedException(
            $"{RuntimeErrors.UnknownComponent}: '{call.Name}' is not a {kind.ToString().ToLowerInvariant()} the runtime can build here (built in: {string.Join(", ", Builtin.OfKind(kind).Where(c => Builtin.Entry<T>(kind, c.Name) is not null).Select(c => c.Name))})");

    /// <summary>Runs <paramref name="build"/> with the call's arguments, turning an unusable argument into a coded training failure.</summary>
    internal static TResult Build<T, TResult>(ComponentModel call, ComponentKind kind, Func<T, ComponentArguments, TResult> build)
        where T : class, IComponentEntry
    {
        var entry = Resolve<T>(call, kind);
        try
        {
            return build(entry, new ComponentArguments(call, call.Descriptor ?? entry.Descriptor));
        }
        catch (ComponentArgumentException e)
        {
            throw new TrainingFailedException(e.Message);
        }
    }
}
