namespace MesaSpec.Language.Diagnostics;

// The command line of mesaspec (System.CommandLine): MS0020-MS0029.
public static partial class DiagnosticCodes
{
    public const string OptionRepeated = "MS0020";
    public const string UnknownDevice = "MS0021";
    public const string ResponseFileUnreadable = "MS0022";
    public const string UnknownShell = "MS0023";
}
