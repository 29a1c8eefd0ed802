using System.Diagnostics;

namespace MesaSpec.History;

/// <summary>
/// Whether the process that recorded a run is still alive. A process id alone is not enough (ids are reused),
/// so the process's start time is recorded with it and compared. Runs from another host cannot be checked
/// and count as alive.
/// </summary>
internal static class ProcessLiveness
{
    public static (int Id, DateTimeOffset StartedAt) Current()
    {
        using var process = Process.GetCurrentProcess();
        return (process.Id, StartTime(process));
    }

    public static bool IsAlive(string host, int processId, DateTimeOffset startedAt)
    {
        if (!string.Equals(host, Environment.MachineName, StringComparison.Ordinal))
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited || IsZombie(processId))
            {
                return false;
            }
            return Math.Abs((StartTime(process) - startedAt).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static DateTimeOffset StartTime(Process process) => new(process.StartTime.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>A killed child its parent has not reaped yet still has an id on Linux; it runs nothing.</summary>
    private static bool IsZombie(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        try
        {
            if (!File.Exists(stat))
            {
                return false;
            }
            var text = File.ReadAllText(stat);
            var end = text.LastIndexOf(')');
            return end > 0 && end + 2 < text.Length && text[end + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
