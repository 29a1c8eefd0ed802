using System.Globalization;
using System.Text;

namespace MesaSpec.Cli.Cluster;

/// <summary>
/// Slurm: one <c>sbatch --array</c> job per submission, task <c>i</c> running <c>mesaspec task FOLDER i</c> from
/// <c>SLURM_ARRAY_TASK_ID</c>; state from <c>squeue</c> while queued (accounting, hence <c>sacct</c>, may be off),
/// from the run folder's outcome files afterwards.
/// </summary>
public sealed class SlurmBackend : IClusterBackend
{
    public string Name => "slurm";

    public static string JobName(RunFolder folder) => "mesaspec-" + folder.Manifest.Id;

    public string Submit(RunFolder folder, IReadOnlyList<int> indices, ClusterOptions options)
    {
        var script = Path.Combine(folder.Path, "slurm-task.sh");
        File.WriteAllText(script, Script(folder));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var array = ArraySpec(indices) + (options.ArrayParallelism is { } k ? string.Create(CultureInfo.InvariantCulture, $"%{k}") : "");
        var arguments = new List<string>
        {
            "--parsable",
            "--job-name=" + JobName(folder),
            "--array=" + array,
            "--chdir=" + folder.Path,
            "--output=" + Path.Combine(folder.LogsDirectory, "task-%a.out"),
        };
        if (options.Partition is { } partition)
        {
            arguments.Add("--partition=" + partition);
        }
        if (options.Time is { } time)
        {
            arguments.Add("--time=" + time);
        }
        arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--cpus-per-task={options.CpusPerTask ?? folder.Manifest.Settings.Threads}"));
        arguments.AddRange(options.ExtraArguments);
        arguments.Add(script);
        var result = ExternalCommand.Run("sbatch", arguments);
        var id = result.Out.Trim().Split(';')[0];
        if (result.ExitCode != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            var reason = (result.Error + result.Out).Trim();
            throw new ClusterBackendException(reason.Length == 0 ? $"sbatch exited with code {result.ExitCode}" : reason.ReplaceLineEndings("; "));
        }
        return id;
    }

    public IReadOnlyDictionary<int, TaskState> Queued(RunFolder folder)
    {
        var result = ExternalCommand.Run("squeue", ["--noheader", "--array", "--name=" + JobName(folder), "--format=%i|%t"]);
        if (result.ExitCode != 0)
        {
            throw new ClusterBackendException(result.Error.Trim().ReplaceLineEndings("; "));
        }
        var states = new Dictionary<int, TaskState>();
        foreach (var line in result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            var underscore = parts[0].IndexOf('_', StringComparison.Ordinal);
            if (parts.Length != 2 || underscore < 0)
            {
                continue;
            }
            var state = parts[1] is "PD" or "CF" ? TaskState.Pending : TaskState.Running;
            foreach (var index in ParseTasks(parts[0][(underscore + 1)..]))
            {
                states[index] = state;
            }
        }
        return states;
    }

    public void Cancel(RunFolder folder)
    {
        var result = ExternalCommand.Run("scancel", ["--name=" + JobName(folder)]);
        if (result.ExitCode != 0)
        {
            throw new ClusterBackendException(result.Error.Trim().ReplaceLineEndings("; "));
        }
    }

    /// <summary>The batch script: Slurm copies it, so it names the run folder and the executable by absolute path.</summary>
    private static string Script(RunFolder folder)
    {
        var command = string.Join(' ', WorkerExecutable.Command().Append("task").Append(folder.Path).Select(Quote));
        return $"""
            #!/bin/sh
            # Written by mesaspec run --on slurm: runs task $SLURM_ARRAY_TASK_ID of the run in this folder.
            exec {command} "$SLURM_ARRAY_TASK_ID"

            """;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>0,1,2,5,7,8 as "0-2,5,7-8".</summary>
    public static string ArraySpec(IReadOnlyList<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var builder = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            builder.Append(builder.Length == 0 ? "" : ",").Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i)
            {
                builder.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            }
            i = j + 1;
        }
        return builder.ToString();
    }

    /// <summary>squeue's task part: "4", or for tasks not yet started "[5-7,9%2]".</summary>
    public static IEnumerable<int> ParseTasks(string text)
    {
        text = text.Trim('[', ']');
        var percent = text.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0)
        {
            text = text[..percent];
        }
        foreach (var range in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (int.TryParse(range, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
                {
                    yield return single;
                }
                continue;
            }
            if (int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                for (var i = from; i <= to; i++)
                {
                    yield return i;
                }
            }
        }
    }
}
