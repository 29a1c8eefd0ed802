using System.Text.Json;
using MesaSpec.Experiments.Reports;

namespace MesaSpec.Experiments.Tests.Reports;

/// <summary>report.json keeps arrays of numbers on one line (it was mostly whitespace) and reads back exactly what it wrote.</summary>
public sealed class FlatNumberArraysTests
{
    private sealed record Numbers(int[] Ints, double[] Doubles, double?[] Maybe, int[][] Grid, double[]?[] Rows, int[]? Missing);

    [Fact]
    public void Arrays_of_numbers_are_written_on_one_line_and_read_back_exactly()
    {
        var numbers = new Numbers([1, -2, 3], [0.1, 1e-300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0 / 3],
            [null, 0.25], [[1, 2], [3, 4]], [[0.5, 0.5], null], null);

        var json = JsonSerializer.Serialize(numbers, ReportJson.Options);

        Assert.Contains("\"ints\": [1,-2,3]", json, StringComparison.Ordinal);
        Assert.Contains("\"maybe\": [null,0.25]", json, StringComparison.Ordinal);
        Assert.Contains("[1,2]", json, StringComparison.Ordinal);
        Assert.Contains("\"NaN\",\"Infinity\",\"-Infinity\"", json, StringComparison.Ordinal);
        // Still a valid, indented document: every property on its own line.
        using (JsonDocument.Parse(json))
        {
        }
        Assert.Contains("\n  \"doubles\": ", json, StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize<Numbers>(json, ReportJson.Options)!;
        Assert.Equal(numbers.Ints, read.Ints);
        Assert.Equal(numbers.Doubles, read.Doubles);
        Assert.Equal(numbers.Maybe, read.Maybe);
        Assert.Equal(numbers.Grid, read.Grid);
        Assert.Equal(numbers.Rows[0], read.Rows[0]);
        Assert.Null(read.Rows[1]);
        Assert.Null(read.Missing);
    }

    [Fact]
    public void Arrays_laid_out_by_older_versions_read_the_same()
    {
        const string older = "{\n  \"ints\": [\n    1,\n    2\n  ],\n  \"doubles\": [\n    \"NaN\",\n    0.5\n  ],\n  \"maybe\": [\n    null\n  ],\n  \"grid\": [],\n  \"rows\": [],\n  \"missing\": null\n}";
        var read = JsonSerializer.Deserialize<Numbers>(older, ReportJson.Options)!;
        Assert.Equal([1, 2], read.Ints);
        Assert.True(double.IsNaN(read.Doubles[0]));
        Assert.Equal(0.5, read.Doubles[1]);
        Assert.Equal([null], read.Maybe);
    }

    [Fact]
    public void A_string_that_is_not_a_named_number_is_an_error_not_a_zero() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Numbers>(
            "{\"ints\":[],\"doubles\":[\"lots\"],\"maybe\":[],\"grid\":[],\"rows\":[],\"missing\":null}", ReportJson.Options));
}
