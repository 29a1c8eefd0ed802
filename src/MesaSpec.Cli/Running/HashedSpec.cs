using MesaSpec.Cli.Commands;
using MesaSpec.Language.Binding;
using MesaSpec.Workspaces.Files;

namespace MesaSpec.Cli.Running;

/// <summary>
/// An experiment compiled again from the spec a run recorded (its path and the SHA-256 of its text), for work that must
/// see that very experiment: a distributed run's task, a stored report's episode replays. Refused, with the reason,
/// when the file cannot be read, its text changed since <paramref name="since"/>, or it no longer has the experiment.
/// </summary>
internal static class HashedSpec
{
    /// <param name="since">Completes "changed since ...": "the run was submitted", "the run".</param>
    public static (ExperimentPlan Plan, string Text)? Compile(string path, string sha256, string experiment, string since,
        CancellationToken cancellationToken, out string? problem)
    {
        var file = SpecFileReader.Read(path);
        if (file.Problem is not null || file.Text is null)
        {
            problem = $"{path}: {file.Problem?.Message ?? "unreadable"}";
            return null;
        }
        var hash = RunCommand.Sha256(file.Text.Text);
        if (hash != sha256)
        {
            problem = $"{path} changed since {since} (sha256 {hash[..12]}... instead of {sha256[..Math.Min(12, sha256.Length)]}...)";
            return null;
        }
        var compilation = RunWiring.Compile(file, cancellationToken, analyze: false);
        var plan = compilation.HasErrors ? null : compilation.Plans.FirstOrDefault(p => p.Name == experiment);
        if (plan is null)
        {
            problem = $"{path} no longer compiles to experiment {experiment} (an imported file changed?)";
            return null;
        }
        problem = null;
        return (plan, file.Text.Text);
    }
}
