using System.Globalization;

namespace MesaSpec.Cli.Running;

/// <summary>
/// Claims a fresh output folder for a run. Two runs started in the same second used to share
/// <c>runs/&lt;experiment&gt;-&lt;time&gt;/</c> and overwrite each other's reports and checkpoints; the claim
/// is a file created exclusively inside the folder, so exactly one run gets each name and the other
/// takes the next suffix (<c>-2</c>, <c>-3</c>, ...).
/// </summary>
internal static class OutputFolderClaim
{
    public const string ClaimFile = ".mesaspec-run";

    public static string Claim(string parent, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = Path.Combine(parent, attempt == 1 ? name : $"{name}-{attempt.ToString(CultureInfo.InvariantCulture)}");
            Directory.CreateDirectory(candidate);
            try
            {
                using var claim = new FileStream(Path.Combine(candidate, ClaimFile), FileMode.CreateNew, FileAccess.Write);
                claim.Write(System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
                return candidate;
            }
            catch (IOException) when (File.Exists(Path.Combine(candidate, ClaimFile)))
            {
                // Another run holds this name.
            }
        }
    }
}
