using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.Cli.Cluster;

/// <summary>The JSON of the training progress a worker prints and its parent reads (NaN returns included).</summary>
internal static class TaskProgressJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
