using MesaSpec.Cli.Running;
using MesaSpec.Cli.Commands;
using MesaSpec.Language.Binding;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// The experiment a manifest names, compiled again from its spec where the task runs (workers share the
/// filesystem, not memory). Refused when the spec's text changed since submission, or no longer has the
/// experiment or its sweep points: a task must never run a different experiment than its siblings.
/// </summary>
internal sealed record ManifestSpec(ExperimentPlan Plan, string SpecText)
{
    public static ManifestSpec? Load(RunFolder folder, CancellationToken cancellationToken, out string? problem)
    {
        var manifest = folder.Manifest;
        if (HashedSpec.Compile(manifest.Spec.Path, manifest.Spec.Sha256, manifest.Experiment, "the run was submitted", cancellationToken, out problem)
            is not { } compiled)
        {
            return null;
        }
        var (plan, text) = compiled;
        foreach (var task in manifest.Tasks)
        {
            if (task.Point >= plan.Points.Count
                || !plan.Points[task.Point].Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()).OrderBy(kv => kv.Key).SequenceEqual(task.Parameters.OrderBy(kv => kv.Key)))
            {
                problem = $"{manifest.Experiment}'s sweep points differ from the manifest's (an imported file changed?)";
                return null;
            }
        }
        return new ManifestSpec(plan, text);
    }
}
