using MesaSpec.Language.Text;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Found; NotFound (nothing at that path); OutsideWorkspace; Unreadable (something is there but is not a spec that can
/// be read: a folder, a FIFO, too large, binary, no permission; <see cref="ImportResolution.Problem"/> says which);
/// InvalidPath (empty, or not a path at all).
/// </summary>
public enum ImportStatus { Found, NotFound, OutsideWorkspace, Unreadable, InvalidPath }

/// <summary>The outcome of resolving an import: the text when found, and the canonical path either way.</summary>
public sealed record ImportResolution(ImportStatus Status, string Path, SourceText? Text, string? Problem = null);

/// <summary>
/// Finds the text of an imported file. The language knows nothing of disks: the CLI resolves against
/// the file system, the language server against open documents first, each confining paths to its workspace.
/// </summary>
public interface ISourceResolver
{
    ImportResolution Resolve(string importingPath, string importPath);
}
