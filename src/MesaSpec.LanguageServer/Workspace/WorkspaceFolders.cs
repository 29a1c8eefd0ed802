using System.Collections;
using System.Collections.Immutable;

namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// The workspace folders (full paths), changed by <c>initialize</c> and <c>workspace/didChangeWorkspaceFolders</c>
/// while resolvers read them from other threads: every change swaps in a new immutable list.
/// </summary>
public sealed class WorkspaceFolders : IReadOnlyList<string>
{
    private ImmutableList<string> _folders = [];

    public int Count => _folders.Count;

    public string this[int index] => _folders[index];

    public void Add(string folder) => ImmutableInterlocked.Update(ref _folders, f => f.Contains(folder) ? f : f.Add(folder));

    public void Remove(string folder) => ImmutableInterlocked.Update(ref _folders, f => f.Remove(folder));

    public IEnumerator<string> GetEnumerator() => _folders.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
