using MesaSpec.Workspaces.Files;
using MesaSpec.Cli.Input;
using MesaSpec.Cli.Output;

namespace MesaSpec.Cli.Commands;

/// <summary>The specs named on a command line, read and validated, and the input problems met on the way.</summary>
internal sealed record SpecInputs(IReadOnlyList<SpecFile> Files, IReadOnlyList<ReportedDiagnostic> Problems)
{
    public IEnumerable<SpecFile> Readable => Files.Where(f => f.Text is not null);

    public static SpecInputs Load(IReadOnlyList<string> paths, CommandContext context)
    {
        var requested = paths.Count == 0 ? [context.CurrentDirectory] : paths.Select(context.FullPath);
        var expansion = SpecPathExpander.Expand(requested);
        var problems = expansion.Problems.Select(p => new ReportedDiagnostic(p, null)).ToList();
        var files = new List<SpecFile>();
        foreach (var path in expansion.Files)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var file = SpecFileReader.Read(path);
            files.Add(file);
            if (file.Problem is { } problem)
            {
                problems.Add(new ReportedDiagnostic(problem, null));
            }
        }
        return new SpecInputs(files, problems);
    }
}
