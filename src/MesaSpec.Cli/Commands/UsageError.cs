using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Commands;

/// <summary>Reports a bad command line (MS0001, MS0020-MS0029) the same way everywhere.</summary>
internal static class UsageError
{
    /// <param name="verb">The verb whose <c>--help</c> the user is pointed to, if any.</param>
    public static int Write(CommandContext context, string message, string? verb = null) =>
        Write(context, DiagnosticCatalog.InvalidUsage(message), verb);

    public static int Write(CommandContext context, Diagnostic diagnostic, string? verb = null)
    {
        context.Error.WriteLine($"error {diagnostic.Code}: {diagnostic.Message}");
        if (verb is not null)
        {
            context.Error.WriteLine($"(mesaspec {verb} --help shows its arguments and options)");
        }
        return ExitCodes.UsageOrInput;
    }
}
