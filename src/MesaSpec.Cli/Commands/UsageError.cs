using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Commands;

/// <summary>Reports a bad command line (MS0001) the same way everywhere.</summary>
internal static class UsageError
{
    public static int Write(CommandContext context, string message, string? usage = null)
    {
        var diagnostic = DiagnosticCatalog.InvalidUsage(message);
        context.Error.WriteLine($"error {diagnostic.Code}: {diagnostic.Message}");
        if (usage is not null)
        {
            context.Error.WriteLine(usage);
        }
        return ExitCodes.UsageOrInput;
    }
}
