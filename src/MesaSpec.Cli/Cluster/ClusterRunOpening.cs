using MesaSpec.Cli.Commands;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Cluster;

/// <summary>Opens the distributed run an id names, for <c>runs show</c>, <c>collect</c>, <c>cancel</c> and <c>run --resume</c>, or says why not (coded).</summary>
internal static class ClusterRunOpening
{
    public static RunFolder? Open(string id, CommandContext context)
    {
        if (ClusterRunIndex.Resolve(id, context.CurrentDirectory) is not { } path)
        {
            var unknown = DiagnosticCatalog.UnknownClusterRun(id);
            context.Error.WriteLine($"error {unknown.Code}: {unknown.Message}");
            return null;
        }
        var folder = RunFolder.Open(path, out var problem);
        if (folder is null)
        {
            Unusable(path, problem!, context);
        }
        return folder;
    }

    public static void Unusable(string path, string problem, CommandContext context)
    {
        var diagnostic = DiagnosticCatalog.RunFolderUnusable(path, problem);
        context.Error.WriteLine($"{context.Display(path)}: error {diagnostic.Code}: {diagnostic.Message}");
    }

    public static void SubmissionFailed(string backend, string reason, CommandContext context)
    {
        var diagnostic = DiagnosticCatalog.ClusterSubmissionFailed(backend, reason);
        context.Error.WriteLine($"error {diagnostic.Code}: {diagnostic.Message}");
    }

    /// <summary>The backend's queued tasks (none for a local run); null, with a warning, when the scheduler cannot be asked.</summary>
    public static IReadOnlyDictionary<int, TaskState>? Queued(RunFolder folder, CommandContext context)
    {
        if (ClusterBackends.Find(folder.State().Backend) is not { } backend)
        {
            return new Dictionary<int, TaskState>();
        }
        try
        {
            return backend.Queued(folder);
        }
        catch (ClusterBackendException e)
        {
            context.Error.WriteLine($"warning: cannot read the {backend.Name} queue ({e.Message}); tasks without a result are shown as unknown");
            return null;
        }
    }
}
