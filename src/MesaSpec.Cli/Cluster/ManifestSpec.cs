using MesaSpec.Workspaces.Files;
using MesaSpec.Cli.Input;
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
        var file = SpecFileReader.Read(manifest.Spec.Path);
        if (file.Problem is { } unreadable || file.Text is null)
        {
            problem = $"{manifest.Spec.Path}: {file.Problem?.Message ?? "unreadable"}";
            return null;
        }
        var hash = RunCommand.Sha256(file.Text.Text);
        if (hash != manifest.Spec.Sha256)
        {
            problem = $"{manifest.Spec.Path} changed since the run was submitted (sha256 {hash[..12]}... instead of {manifest.Spec.Sha256[..12]}...)";
            return null;
        }
        var compilation = RunWiring.Compile(file, cancellationToken, analyze: false);
        var plan = compilation.HasErrors ? null : compilation.Plans.FirstOrDefault(p => p.Name == manifest.Experiment);
        if (plan is null)
        {
            problem = $"{manifest.Spec.Path} no longer compiles to experiment {manifest.Experiment} (an imported file changed?)";
            return null;
        }
        foreach (var task in manifest.Tasks)
        {
            if (task.Point >= plan.Points.Count
                || !plan.Points[task.Point].Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()).OrderBy(kv => kv.Key).SequenceEqual(task.Parameters.OrderBy(kv => kv.Key)))
            {
                problem = $"{manifest.Experiment}'s sweep points differ from the manifest's (an imported file changed?)";
                return null;
            }
        }
        problem = null;
        return new ManifestSpec(plan, file.Text.Text);
    }
}
