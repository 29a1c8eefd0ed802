using MesaSpec.Cli.Running;
using MesaSpec.Experiments.Reports;
using Spectre.Console;

namespace MesaSpec.Cli.Tests.Support;

/// <summary>What the terminal summary of a report looks like on a plain (no colour) terminal of a given width, line by line.</summary>
internal static class NarrowConsole
{
    public static string[] Render(RunReport report, int width)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        VerdictTable.Write(console, report);
        return output.ToString().ReplaceLineEndings("\n").Split('\n');
    }
}
