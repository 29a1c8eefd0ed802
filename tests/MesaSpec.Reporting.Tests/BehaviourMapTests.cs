using System.Globalization;
using System.Text.RegularExpressions;
using MesaSpec.Experiments.Reports;
using MesaSpec.Reporting.Charts;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>Issue 17: vector fields weighted by the policy's action probabilities, and the model's value map, on the sample levels.</summary>
public sealed partial class BehaviourMapTests
{
    private static readonly string[] Rows = ["#####", "#A..#", "#.#.#", "#..C#", "#####", "legend: A agent, # wall, . floor, C cheese"];

    [Fact]
    public void An_arrow_is_as_long_as_the_policy_is_decided_and_a_dot_where_its_moves_cancel()
    {
        var certain = Arrows(BehaviourPicture.Render(Sample(p => [0, 1, 0, 0]), "Maze"));
        var split = Arrows(BehaviourPicture.Render(Sample(p => [0.5, 0.5, 0, 0]), "Maze"));
        var undecided = BehaviourPicture.Render(Sample(p => [0.25, 0.25, 0.25, 0.25]), "Maze");

        // Seven free cells (the agent's and six floor cells); the cheese cell has no arrow.
        Assert.Equal(7, certain.Count);
        Assert.All(certain, a => Assert.True(a.Dx > 0 && Math.Abs(a.Dy) < 1e-9, $"a certain 'right' points right: {a}"));
        Assert.Equal(7, split.Count);
        Assert.All(split, a => Assert.True(a.Dx > 0 && a.Dy < 0, $"half up, half right points up-right: {a}"));
        // The split's resultant is 1/sqrt(2) of a certain move: a shorter arrow.
        Assert.True(split.Average(a => a.Length) < 0.8 * certain.Average(a => a.Length));
        Assert.Empty(Arrows(undecided));
        Assert.Equal(7, Regex.Count(undecided, "<circle [^>]*r=\"1.8\""));
        Assert.Contains("up 0.25, right 0.25, down 0.25, left 0.25", undecided, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_candidates_targets_are_outlined_in_its_own_colour_and_named()
    {
        var sample = Sample(p => [0, 1, 0, 0]) with
        {
            Targets = [new SampleTarget("EatCheese", [[3, 3]]), new SampleTarget("GoToCorner", [[3, 1], [3, 3]])],
        };
        var svg = BehaviourPicture.Render(sample, "Maze");
        Assert.Equal(1, Regex.Count(svg, "<polyline [^>]*stroke=\"#0072B2\" stroke-width=\"2\""));
        Assert.Equal(2, Regex.Count(svg, "<polyline [^>]*stroke=\"#E69F00\" stroke-width=\"2\""));
        Assert.Contains("outlined targets: EatCheese (blue), GoToCorner (orange)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("outlined targets", BehaviourPicture.Render(Sample(p => [0, 1, 0, 0]), "Maze"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_probabilities_draws_the_preferred_action()
    {
        var sample = Sample(p => [0, 1, 0, 0]) with { ActionProbabilities = null };
        Assert.Equal(7, Arrows(BehaviourPicture.Render(sample, "Maze")).Count);
    }

    [Fact]
    public void The_value_map_shades_every_free_cell_by_the_models_estimate_and_names_its_range()
    {
        var svg = ValuePicture.Render(Sample(p => [0, 1, 0, 0]), "Maze")!;
        Assert.Contains("value estimate, level 7, seed 0 (0.10 to 0.70)", svg, StringComparison.Ordinal);
        Assert.Equal(7, Regex.Count(svg, "value 0\\.[0-9]{3}"));
        Assert.Contains("(1, 1): value 0.100", svg, StringComparison.Ordinal);
        Assert.Null(ValuePicture.Render(Sample(p => [0, 1, 0, 0]) with { Values = null }, "Maze"));
    }

    [Fact]
    public void The_html_report_shows_a_value_map_beside_each_sample_that_has_values()
    {
        var report = SampleReports.Finished();
        var withValues = report with
        {
            Points = [report.Points[0] with { Evaluations = [.. report.Points[0].Evaluations.Select(e => e with { Samples = [Sample(p => [0, 1, 0, 0])] })] }],
        };
        var html = HtmlReport.Render(withValues);
        Assert.Equal(Regex.Count(HtmlReport.Render(report), "<svg ") + withValues.Points[0].Evaluations.Count, Regex.Count(html, "<svg "));
        Assert.Contains("value estimate", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_candidates_optimal_return_is_a_map_of_its_own_with_its_targets_outlined()
    {
        var plain = Sample(p => [0, 1, 0, 0]);
        var sample = plain with
        {
            Targets = [new SampleTarget("EatCheese", [[3, 1]]), new SampleTarget("GoToCorner", [[4, 0], [3, 0]])],
            OptimalValues = [new OptimalValueMap("EatCheese", plain.Values!), new OptimalValueMap("GoToCorner", [.. plain.Values!.Select(row => row.Select(v => v * 2).ToArray())])],
        };
        var maps = ValuePicture.RenderOptimal(sample, "Maze").ToList();
        Assert.Equal(["EatCheese", "GoToCorner"], maps.Select(m => m.Objective));
        Assert.Contains("Maze: optimal return of GoToCorner, level 7, seed 0 (0.20 to 1.40)", maps[1].Picture, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(maps[0].Picture, "<polyline "));
        Assert.Equal(2, Regex.Count(maps[1].Picture, "<polyline "));
        Assert.Contains("(1, 1): optimal return 0.200", maps[1].Picture, StringComparison.Ordinal);

        var report = SampleReports.Finished();
        var html = HtmlReport.Render(report with
        {
            Points = [report.Points[0] with { Evaluations = [report.Points[0].Evaluations[0] with { Samples = [sample, plain with { OptimalValuesOmitted = "optimal value maps left out: too large" }] }] }],
        });
        Assert.Equal(2, Regex.Count(html, "<figcaption>the best return [A-Za-z]+ allows"));
        Assert.Contains("the best return GoToCorner allows from each free cell", html, StringComparison.Ordinal);
        Assert.Contains("optimal value maps left out: too large", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_and_values_survive_report_json_and_are_absent_from_older_reports()
    {
        var report = SampleReports.Finished();
        var sample = Sample(p => [0.1, 0.6, 0.2, 0.1]);
        var written = report with { Points = [report.Points[0] with { Evaluations = [report.Points[0].Evaluations[0] with { Samples = [sample] }] }] };
        var json = ReportJson.Serialize(written);
        Assert.Contains("\"actionProbabilities\"", json, StringComparison.Ordinal);
        var read = ReportJson.Deserialize(json)!.Points[0].Evaluations[0].Samples[0];
        Assert.Equal([0.1, 0.6, 0.2, 0.1], read.ActionProbabilities![1][1]!);
        Assert.Null(read.ActionProbabilities[0][0]);
        Assert.Equal(0.1, read.Values![1][1]);

        var older = ReportJson.Deserialize(ReportJson.Serialize(report))!.Points[0].Evaluations[0].Samples[0];
        Assert.Null(older.ActionProbabilities);
        Assert.Null(older.Values);
    }

    /// <summary>A 5 x 5 level whose free cells all have <paramref name="distribution"/> and values 0.1, 0.2, ... in reading order.</summary>
    private static BehaviourSample Sample(Func<int, double[]> distribution)
    {
        var (probabilities, values, visits, actions) = (new double[]?[5][], new double?[5][], new int[5][], new int[5][]);
        var index = 0;
        for (var y = 0; y < 5; y++)
        {
            (probabilities[y], values[y], visits[y], actions[y]) = (new double[]?[5], new double?[5], new int[5], new int[5]);
            for (var x = 0; x < 5; x++)
            {
                var free = Rows[y][x] is '.' or 'A';
                actions[y][x] = free ? 1 : -1;
                if (free)
                {
                    probabilities[y][x] = distribution(y * 5 + x);
                    values[y][x] = ++index / 10.0;
                }
            }
        }
        return new BehaviourSample(0, 7, Rows, [[1, 1], [2, 1]], visits, actions, true) { ActionProbabilities = probabilities, Values = values };
    }

    private sealed record ArrowShaft(double Dx, double Dy, double Length);

    /// <summary>The arrows' shafts (dark lines) of a picture, as their direction and length.</summary>
    private static List<ArrowShaft> Arrows(string svg) =>
        [.. Shaft().Matches(svg).Select(m =>
        {
            double V(string name) => double.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
            var (dx, dy) = (V("x2") - V("x1"), V("y2") - V("y1"));
            return new ArrowShaft(dx, dy, Math.Sqrt(dx * dx + dy * dy));
        })];

    [GeneratedRegex("<line x1=\"(?<x1>[-0-9.]+)\" y1=\"(?<y1>[-0-9.]+)\" x2=\"(?<x2>[-0-9.]+)\" y2=\"(?<y2>[-0-9.]+)\" stroke=\"#333\"")]
    private static partial Regex Shaft();
}
