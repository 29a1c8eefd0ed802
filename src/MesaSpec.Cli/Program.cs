using System.Text;
using MesaSpec.Cli.Commands;

namespace MesaSpec.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C stops cleanly (work finished so far is kept); a second one ends the process.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        // SIGTERM (kill, Slurm, the language server ending a run) stops the same way as Ctrl-C: the
        // partial report is written and marked interrupted, instead of the process vanishing mid-write.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        });
        var context = new CommandContext(Console.Out, Console.Error, Directory.GetCurrentDirectory(), color, cancel.Token) { Width = TerminalWidth() };
        return CommandLine.Run(args, context);
    }

    /// <summary>The terminal's columns, for the plain-text tables to fit; null when the output is redirected or the width is unknown.</summary>
    private static int? TerminalWidth()
    {
        try
        {
            return !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
