namespace MesaSpec.Cli;

/// <summary>Dispatches the verb. Exit codes: 0 success, 1 findings (errors, failed expectations), 2 usage or input errors.</summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        stderr.WriteLine($"error MS0001: unknown command '{args[0]}'.");
        stderr.WriteLine(Usage);
        return 2;
    }

    public const string Usage = """
        usage: mesaspec <command> [options]

        commands:
          check <files or folders>   report every diagnostic
          fmt <files or folders>     format in place (--check: report only)
        """;
}
