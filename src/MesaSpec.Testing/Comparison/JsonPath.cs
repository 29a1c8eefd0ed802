using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MesaSpec.Testing.Comparison;

/// <summary>Where a value sits in a snapshot: member names and array indices, shown as <c>points[0].evaluations[1].verdict</c>.</summary>
public sealed record JsonPath(ImmutableList<object> Segments)
{
    public static JsonPath Root { get; } = new(ImmutableList<object>.Empty);

    public JsonPath Member(string name) => new(Segments.Add(name));

    public JsonPath Index(int index) => new(Segments.Add(index));

    /// <summary>The last member name on the path (array indices skipped), or null at the root.</summary>
    public string? LastMember => Segments.OfType<string>().LastOrDefault();

    public JsonPath Parent => Segments.Count == 0 ? this : new(Segments.RemoveAt(Segments.Count - 1));

    /// <summary>The node at this path below <paramref name="root"/>, or null when the path leads nowhere.</summary>
    public JsonNode? Find(JsonNode? root)
    {
        var node = root;
        foreach (var segment in Segments)
        {
            node = (segment, node) switch
            {
                (string name, JsonObject obj) => obj[name],
                (int index, JsonArray array) when index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment is int index)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else
            {
                text.Append(text.Length == 0 ? "" : ".").Append(segment);
            }
        }
        return text.Length == 0 ? "(root)" : text.ToString();
    }

    public bool Equals(JsonPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => Segments.Aggregate(0, (hash, s) => HashCode.Combine(hash, s));
}
