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
        var context = new CommandContext(Console.Out, Console.Error, Directory.GetCurrentDirectory(), color, cancel.Token);
        return CommandLine.Run(args, context);
    }
}
