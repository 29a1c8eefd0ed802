namespace MesaSpec.LanguageServer.Workspace;

/// <summary>
/// LSP names documents by URI; the language names files by path. <c>file:</c> URIs map to local paths so imports
/// resolve against the disk; any other scheme (<c>untitled:</c>) keeps the URI as its "path".
/// </summary>
public static class DocumentUri
{
    public static string ToPath(string uri)
    {
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            return Path.GetFullPath(parsed.LocalPath);
        }
        return uri;
    }

    public static string FromPath(string path) =>
        Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;
}
