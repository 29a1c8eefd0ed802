using System.Reflection;
using MesaSpec.Experiments.Running;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Binding;
using MesaSpec.Runtime.Training;
using MesaSpec.Testing.Snapshots;

namespace MesaSpec.Testing.Caching;

/// <summary>
/// The engine a cached outcome was computed by: the engine version plus the build identity (module version
/// id) of every assembly that can change an outcome, and TorchSharp's version. Builds are deterministic, so the
/// identity changes exactly when the engine's code does; a developer's edit to the trainer invalidates the
/// cache even though the version number stays the same.
/// </summary>
public static class EngineIdentity
{
    public static string Current { get; } = Compute();

    private static string Compute()
    {
        Assembly[] assemblies =
        [
            typeof(Compilation).Assembly,
            typeof(Level).Assembly,
            typeof(ExperimentRunner).Assembly,
            typeof(TorchTrainer).Assembly,
            typeof(OutcomeSnapshot).Assembly,
        ];
        // TorchSharp's version as the runtime was built against it: only the Runtime knows TorchSharp.
        var torch = typeof(TorchTrainer).Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "TorchSharp");
        return $"engine {ExperimentRunner.EngineVersion}; "
            + string.Join("; ", assemblies.Select(a => $"{a.GetName().Name} {a.GetName().Version} {a.ManifestModule.ModuleVersionId:N}"))
            + $"; TorchSharp {torch?.Version}";
    }
}
