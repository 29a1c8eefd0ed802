using MesaSpec.Cli.Commands;

namespace MesaSpec.Cli.Tests.Support;

/// <summary>What one run of <c>mesaspec</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    /// <summary>Users never see a stack trace or an exception type name.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", All, StringComparison.Ordinal);
    }
}

/// <summary>Runs <c>mesaspec</c> in-process, in a given folder, without colour, under a watchdog so a hang fails the test.</summary>
internal static class Mesaspec
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    public static CliResult Run(string currentDirectory, params string[] args) => RunOnTerminal(null, currentDirectory, args);

    /// <summary>As on a terminal <paramref name="width"/> columns wide (null: output to a file or a pipe).</summary>
    public static CliResult RunOnTerminal(int? width, string currentDirectory, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(output, error, currentDirectory, UseColor: false) { Width = width };
        var run = Task.Run(() => CommandLine.Run(args, context));
        Assert.True(run.Wait(HangLimit), $"mesaspec {string.Join(' ', args)} did not finish");
        return new CliResult(run.Result, output.ToString(), error.ToString());
    }
}
