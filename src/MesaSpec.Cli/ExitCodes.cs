namespace MesaSpec.Cli;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    /// <summary>Nothing to report (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>The input was read but has findings: errors in a spec, a file that needs formatting.</summary>
    public const int Findings = 1;

    /// <summary>The command could not do its job: bad arguments, missing or unreadable files.</summary>
    public const int UsageOrInput = 2;
}
