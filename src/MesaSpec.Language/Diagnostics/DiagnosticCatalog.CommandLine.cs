namespace MesaSpec.Language.Diagnostics;

// The command line of mesaspec: problems found before any spec is read.
public static partial class DiagnosticCatalog
{
    public static Diagnostic OptionRepeated(string option) =>
        Error(DiagnosticCodes.OptionRepeated, default, $"option '{option}' is given more than once; it takes one value");

    public static Diagnostic UnknownDevice(string device, IEnumerable<string> devices) =>
        Error(DiagnosticCodes.UnknownDevice, default, $"unknown device '{device}' (expected {Words(devices)})");

    public static Diagnostic ResponseFileUnreadable(string path, string reason) =>
        Error(DiagnosticCodes.ResponseFileUnreadable, default, $"response file '{path}' {reason}");

    public static Diagnostic UnknownShell(string shell, IEnumerable<string> shells) =>
        Error(DiagnosticCodes.UnknownShell, default, $"unknown shell '{shell}' (expected {Words(shells)})");

    /// <summary>"a, b or c".</summary>
    private static string Words(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count <= 1 ? string.Join("", list) : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }
}
