using MesaSpec.Cli.Commands;
using Spectre.Console;

namespace MesaSpec.Cli.Output;

/// <summary>The Spectre console a command writes tables and progress to, over the command's own output.</summary>
internal static class TerminalConsole
{
    public static IAnsiConsole For(CommandContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.UseColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = context.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(context.Out),
            Interactive = context.UseColor ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!context.UseColor)
        {
            // Redirected output (a log, CI, the language server) has no width to fit: Spectre would assume 80
            // columns and wrap the verdict table cell by cell.
            console.Profile.Width = Math.Max(console.Profile.Width, 200);
        }
        return console;
    }
}
