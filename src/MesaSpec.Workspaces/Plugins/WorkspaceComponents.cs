using System.Collections.Concurrent;
using System.Reflection;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Workspaces.Plugins;

/// <summary>The components a spec binds against, and what went wrong loading them.</summary>
public sealed record WorkspaceCatalog(ComponentCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The composition of components for a spec: the host's built-in assemblies, then the plugins of the workspace
/// manifest that applies to it, all read through <see cref="ComponentAssemblies.Read"/>. Plugins load only when
/// the caller says the workspace is trusted (a plugin is code); one that fails is a diagnostic naming it.
/// Loads are cached per manifest until the manifest or a plugin assembly changes.
/// </summary>
public sealed class WorkspaceComponents(IReadOnlyList<Assembly> builtins, bool implementations)
{
    private readonly ConcurrentDictionary<string, (string Stamp, WorkspaceCatalog Catalog)> loaded = new(StringComparer.Ordinal);
    private readonly Lazy<ComponentContribution> builtin = new(() => Merge(builtins.Select(a => ComponentAssemblies.Read(a, implementations))));

    /// <summary>The built-ins only: what an untrusted workspace, or one without a manifest, binds against.</summary>
    public ComponentCatalog Builtin => Compose(builtin.Value, []);

    public WorkspaceCatalog For(string specPath, bool trusted)
    {
        // An untitled document has no folder, so no workspace and no manifest.
        var manifestPath = trusted && Path.IsPathRooted(specPath) ? WorkspaceManifest.Find(specPath) : null;
        if (manifestPath is null)
        {
            return new(Builtin, []);
        }
        var diagnostics = new List<Diagnostic>();
        var manifest = WorkspaceManifest.Read(manifestPath, diagnostics);
        var assemblies = manifest.Plugins.Select(p => (Plugin: p, Resolved: manifest.AssemblyOf(p))).ToList();
        var stamp = string.Join("|", assemblies.Select(a => a.Resolved.Assembly is { } path ? $"{path}@{File.GetLastWriteTimeUtc(path).Ticks}" : a.Plugin))
            + $"|{File.GetLastWriteTimeUtc(manifestPath).Ticks}";
        if (loaded.TryGetValue(manifestPath, out var cached) && cached.Stamp == stamp)
        {
            return cached.Catalog;
        }
        var contributions = new List<ComponentContribution>();
        foreach (var (plugin, (assemblyPath, problem)) in assemblies)
        {
            if (assemblyPath is null)
            {
                diagnostics.Add(DiagnosticCatalog.PluginNotFound(manifestPath, plugin, problem!));
                continue;
            }
            if (Load(manifestPath, plugin, assemblyPath, diagnostics) is { } contribution)
            {
                contributions.Add(contribution);
            }
        }
        var catalog = new WorkspaceCatalog(Compose(builtin.Value, contributions), diagnostics);
        loaded[manifestPath] = (stamp, catalog);
        return catalog;
    }

    private ComponentContribution? Load(string manifest, string plugin, string assemblyPath, List<Diagnostic> diagnostics)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        try
        {
            var context = new PluginLoadContext(assemblyPath, descriptorsOnly: !implementations);
            var contribution = ComponentAssemblies.Read(context.LoadFromAssemblyPath(assemblyPath), implementations);
            // Descriptors are data once read: force them now, so a provider that throws fails here, named.
            var descriptors = contribution.Descriptors.SelectMany(d => d.GetComponents()).ToList();
            if (descriptors.Count == 0 && contribution.Entries.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.PluginFailed(manifest, name,
                    $"{plugin} declares no components (add [assembly: ComponentDescriptors(typeof(...))])"));
                return null;
            }
            foreach (var entry in contribution.Entries.Where(e => !descriptors.Contains(e.Descriptor)))
            {
                diagnostics.Add(DiagnosticCatalog.PluginComponentUnpaired(manifest, name, entry.Descriptor.Name, "has an implementation whose descriptor the plugin does not declare"));
            }
            if (implementations)
            {
                foreach (var descriptor in descriptors.Where(d => !contribution.Entries.Any(e => e.Descriptor == d)))
                {
                    diagnostics.Add(DiagnosticCatalog.PluginComponentUnpaired(manifest, name, descriptor.Name, "is declared but has no implementation; a spec can name it but not run it"));
                }
            }
            return new([new Fixed(descriptors)], contribution.Entries);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            diagnostics.Add(DiagnosticCatalog.PluginFailed(manifest, name, $"{cause.GetType().Name}: {cause.Message}"));
            return null;
        }
    }

    private static ComponentCatalog Compose(ComponentContribution builtins, IReadOnlyList<ComponentContribution> plugins) =>
        new([.. builtins.Descriptors, .. plugins.SelectMany(p => p.Descriptors)], [.. builtins.Entries, .. plugins.SelectMany(p => p.Entries)]);

    private static ComponentContribution Merge(IEnumerable<ComponentContribution> parts)
    {
        var list = parts.ToList();
        return new(list.SelectMany(p => p.Descriptors).ToList(), list.SelectMany(p => p.Entries).ToList());
    }

    /// <summary>Descriptors already read from a plugin's providers.</summary>
    private sealed class Fixed(IReadOnlyList<ComponentDescriptor> components) : IComponentProvider
    {
        public IEnumerable<ComponentDescriptor> GetComponents() => components;
    }
}
