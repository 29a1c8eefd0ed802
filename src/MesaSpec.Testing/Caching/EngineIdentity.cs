using System.Reflection;
using MesaSpec.Experiments.Running;
using MesaSpec.Hosting;
using MesaSpec.Language.Catalogue;
using MesaSpec.Testing.Snapshots;

namespace MesaSpec.Testing.Caching;

/// <summary>
/// The engine a cached outcome was computed by: the engine version plus the build identity (module version
/// id) of every assembly that can change an outcome, and TorchSharp's version. Builds are deterministic, so the
/// identity changes exactly when the engine's code does; a developer's edit to the trainer invalidates the
/// cache even though the version number stays the same. A workspace's plugins compute outcomes too, so
/// <see cref="For"/> adds the assemblies of the components a compilation bound against.
/// </summary>
public static class EngineIdentity
{
    public static string Current { get; } = Compute();

    /// <summary>The engine plus the plugin assemblies whose components <paramref name="catalog"/> holds.</summary>
    public static string For(ComponentCatalog catalog)
    {
        var plugins = catalog.Entries.Select(e => e.GetType().Assembly).Distinct().Where(a => !SpecHost.EngineAssemblies.Contains(a)).ToList();
        return plugins.Count == 0 ? Current : Current + "; plugins " + Describe(plugins.OrderBy(a => a.GetName().Name, StringComparer.Ordinal));
    }

    private static string Compute() =>
        $"engine {ExperimentRunner.EngineVersion}; "
        + Describe([.. SpecHost.EngineAssemblies, typeof(OutcomeSnapshot).Assembly])
        + $"; TorchSharp {SpecHost.TorchSharpVersion}";

    private static string Describe(IEnumerable<Assembly> assemblies) =>
        string.Join("; ", assemblies.Select(a => $"{a.GetName().Name} {a.GetName().Version} {a.ManifestModule.ModuleVersionId:N}"));
}
