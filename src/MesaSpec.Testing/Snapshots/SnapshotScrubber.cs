using System.Text.Json.Nodes;

namespace MesaSpec.Testing.Snapshots;

/// <summary>
/// Replaces machine-dependent values with placeholders, as Verify's scrubbers do: whole members (times,
/// durations, speeds, thread counts, device, host, checkpoint paths) become <see cref="Placeholder"/>, and
/// inside any other string the spec's folder, the temp folder, the home folder and the host name become
/// <c>{SpecFolder}</c>, <c>{TempPath}</c> and <c>{Home}</c>, and a string that is exactly the host name becomes
/// <c>{Host}</c> (only whole: a host called "maze" must not scrub an environment's name). The member stays in the
/// snapshot so a reader still sees the report's shape.
/// </summary>
public sealed class SnapshotScrubber
{
    public const string Placeholder = "{scrubbed}";

    /// <summary>Members whose value depends on the machine or the moment, never on the experiment.</summary>
    public static IReadOnlySet<string> ScrubbedMembers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "startedAt", "finishedAt", "durationSeconds", "seconds", "stepsPerSecond", "checkpoint",
        "threads", "device", "host", "engineVersion", "sha256",
    };

    private readonly List<(string Value, string Replacement)> replacements = [];

    public SnapshotScrubber(string? specFolder)
    {
        // Longest first: the spec folder usually sits inside the home or temp folder.
        Add(specFolder, "{SpecFolder}");
        Add(Path.GetTempPath(), "{TempPath}");
        Add(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "{Home}");
        replacements.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
    }

    public void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (ScrubbedMembers.Contains(name) && obj[name] is not null)
                    {
                        obj[name] = Placeholder;
                    }
                    else
                    {
                        ScrubChild(obj[name], value => obj[name] = value);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    ScrubChild(array[i], value => array[index] = value);
                }
                break;
        }
    }

    /// <summary>The text with every machine-dependent fragment replaced.</summary>
    public string ScrubText(string text)
    {
        foreach (var (value, replacement) in replacements)
        {
            text = text.Replace(value, replacement, StringComparison.Ordinal);
        }
        return text;
    }

    private void ScrubChild(JsonNode? child, Action<JsonNode> replace)
    {
        if (child is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var scrubbed = text == Environment.MachineName ? "{Host}" : ScrubText(text);
            if (!ReferenceEquals(scrubbed, text) && scrubbed != text)
            {
                replace(JsonValue.Create(scrubbed));
            }
        }
        else
        {
            Scrub(child);
        }
    }

    private void Add(string? value, string replacement)
    {
        var trimmed = value is null ? null : Path.TrimEndingDirectorySeparator(value);
        // A one-letter host or a root folder would scrub half of every string.
        if (!string.IsNullOrEmpty(trimmed) && trimmed.Length > 2)
        {
            replacements.Add((trimmed, replacement));
        }
    }
}
