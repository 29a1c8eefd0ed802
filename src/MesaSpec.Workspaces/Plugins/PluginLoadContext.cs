using System.Reflection;
using System.Runtime.Loader;

namespace MesaSpec.Workspaces.Plugins;

/// <summary>
/// Where one plugin's assembly and its private dependencies load. MesaSpec's own assemblies (and TorchSharp) are
/// always the host's, so a plugin's types implement the host's contracts. In descriptor-only mode (the language
/// server) the context is collectible and refuses the Runtime, TorchSharp and any native library: a descriptor
/// type that needs them fails as a diagnostic instead of pulling native code into the server.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver dependencies;
    private readonly bool descriptorsOnly;

    public PluginLoadContext(string assemblyPath, bool descriptorsOnly)
        : base($"mesaspec-plugin:{Path.GetFileNameWithoutExtension(assemblyPath)}", isCollectible: descriptorsOnly)
    {
        dependencies = new AssemblyDependencyResolver(assemblyPath);
        this.descriptorsOnly = descriptorsOnly;
    }

    protected override Assembly? Load(AssemblyName name)
    {
        var simple = name.Name ?? "";
        if (descriptorsOnly && (simple == "MesaSpec.Runtime" || simple.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase)))
        {
            throw new FileLoadException($"'{simple}' is not loaded for descriptors (the language server never loads the Runtime or TorchSharp); keep the descriptor provider free of it");
        }
        if (HostHas(simple))
        {
            return null; // the host's copy: one MesaSpec.Plugins, one set of contracts
        }
        var path = dependencies.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    private static readonly string[] PlatformAssemblies =
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static bool HostHas(string name) =>
        Default.Assemblies.Any(a => a.GetName().Name == name)
        || File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll"))
        || PlatformAssemblies.Any(p => string.Equals(Path.GetFileNameWithoutExtension(p), name, StringComparison.OrdinalIgnoreCase));

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        if (descriptorsOnly)
        {
            throw new DllNotFoundException($"native library '{unmanagedDllName}' is not loaded for descriptors");
        }
        var path = dependencies.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
