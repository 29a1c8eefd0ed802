using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesaSpec.Experiments.Reports;

/// <summary>
/// Writes arrays of numbers (<c>int[]</c>, <c>double[]</c>, <c>double?[]</c>) on one line inside an indented
/// report: an indented writer puts every number of a grid row, a trajectory step or a probability vector on its
/// own line, which made most of report.json's size whitespace. Reading accepts any layout, and the named
/// floating-point literals the reports allow (<c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>).
/// </summary>
public sealed class FlatNumberArrays : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(int[]) || typeToConvert == typeof(double[]) || typeToConvert == typeof(double?[]);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(int[]) ? new Flat<int>(static (ref Utf8JsonReader r) => r.GetInt32(), static v => v.ToString(CultureInfo.InvariantCulture))
        : typeToConvert == typeof(double[]) ? new Flat<double>(static (ref Utf8JsonReader r) => ReadDouble(ref r), static v => WriteDouble(v))
        : new Flat<double?>(static (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : ReadDouble(ref r), static v => v is { } d ? WriteDouble(d) : "null");

    private static double ReadDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new JsonException($"'{other}' is not a number"),
        }
        : reader.GetDouble();

    // "R" is the shortest text that reads back to the same double, as the serializer itself writes numbers.
    private static string WriteDouble(double value) =>
        double.IsNaN(value) ? "\"NaN\"" : double.IsPositiveInfinity(value) ? "\"Infinity\"" : double.IsNegativeInfinity(value) ? "\"-Infinity\""
        : value.ToString("R", CultureInfo.InvariantCulture);

    private delegate T ReadElement<T>(ref Utf8JsonReader reader);

    private sealed class Flat<T>(ReadElement<T> read, Func<T, string> write) : JsonConverter<T[]>
    {
        public override T[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"expected an array of numbers, found {reader.TokenType}");
            }
            var values = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                values.Add(read(ref reader));
            }
            return [.. values];
        }

        public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options)
        {
            var text = new StringBuilder("[");
            for (var i = 0; i < value.Length; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(write(value[i]));
            }
            writer.WriteRawValue(text.Append(']').ToString(), skipInputValidation: true);
        }
    }
}
