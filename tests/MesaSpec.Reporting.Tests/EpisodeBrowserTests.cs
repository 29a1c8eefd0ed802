using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Experiments.Tests.Running;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Tests.Samples;

namespace MesaSpec.Reporting.Tests;

/// <summary>
/// Issue 17 (evidence): report.html's episode browser lists the recorded episodes with filters for seed, conflict and
/// outcome, carries the frames C# replayed, and runs only its own script, which the page's CSP names by hash.
/// </summary>
public sealed class EpisodeBrowserTests
{
    private static readonly Lazy<(ExperimentPlan Plan, RunReport Report)> Run = new(() =>
    {
        var plan = ExampleRuns.Plan();
        return ExampleRuns.Run(plan, new OraclePolicy(plan.Points[0].BaseObjective), new RunOptions(SamplesPerEnvironment: 0, RecordedEpisodes: 4), episodes: 12);
    });

    [Fact]
    public void Each_environment_has_a_browser_with_seed_conflict_and_outcome_filters_a_list_and_a_slider()
    {
        var html = HtmlReport.Render(Run.Value.Report, new ExperimentReplay(Run.Value.Plan));
        Assert.Contains("<h2>Episodes</h2>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<section class=\"episode-browser\""));
        Assert.Equal(2, Regex.Count(html, "<select class=\"seed\"><option value=\"\">every seed</option><option value=\"0\">seed 0</option><option value=\"1\">seed 1</option></select>"));
        Assert.Equal(2, Regex.Count(html, "<select class=\"conflict\">"));
        Assert.Contains("<option value=\"base_goal\">reached the base objective&#39;s goal</option>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<input class=\"step\" type=\"range\""));
        // The page lists every episode itself (the script only filters), so the list works without the script too.
        Assert.Equal(2, Regex.Count(html, "<option value=\"0\">seed 0, episode \\d+(, conflict)?: reached the base objective&#39;s goal \\(\\d+ steps\\)</option>"));
        Assert.Equal(16, Regex.Count(html, "<option value=\"\\d+\">seed \\d+, episode "));
    }

    [Fact]
    public void The_page_carries_the_replayed_frames_and_every_episode_ends_with_the_agent_where_the_cheese_was()
    {
        var html = HtmlReport.Render(Run.Value.Report, new ExperimentReplay(Run.Value.Plan));
        var data = Regex.Matches(html, "<script type=\"application/json\" class=\"episode-data\">(.*?)</script>").Select(m => JsonDocument.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(2, data.Count);
        var episodes = data.SelectMany(d => d.RootElement.GetProperty("episodes").EnumerateArray()).ToList();
        Assert.Equal(16, episodes.Count); // 4 per seed, 2 seeds, 2 environments
        Assert.All(episodes, e =>
        {
            var frames = e.GetProperty("frames").EnumerateArray().Select(f => f.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToList();
            Assert.Equal("base_goal", e.GetProperty("outcome").GetString());
            Assert.Equal(e.GetProperty("actions").GetString()!.Length + 1, frames.Count);
            Assert.Equal(frames[0][1], frames[^1][0]); // the agent ends on the cheese's cell
            Assert.Equal(49, e.GetProperty("floor").GetString()!.Length);
        });
    }

    [Fact]
    public void Without_a_replay_the_episodes_are_listed_without_frames()
    {
        var html = HtmlReport.Render(Run.Value.Report);
        var data = JsonDocument.Parse(Regex.Match(html, "class=\"episode-data\">(.*?)</script>").Groups[1].Value);
        Assert.All(data.RootElement.GetProperty("episodes").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("frames").ValueKind));
    }

    [Fact]
    public void The_only_script_that_runs_is_the_browsers_and_the_policy_allows_exactly_it()
    {
        var html = HtmlReport.Render(Run.Value.Report with { Experiment = "Evil<script>alert(1)</script>" }, new ExperimentReplay(Run.Value.Plan));
        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'", csp, StringComparison.Ordinal);
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var script = Assert.Single(scripts).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Matches($"script-src 'sha256-{Regex.Escape(hash)}';", csp);
        Assert.DoesNotMatch("(?i)<script[^>]*\\bsrc=|https?://", html);
        Assert.Equal(2, Regex.Count(html, "<script type=\"application/json\""));
        Assert.Contains("Evil&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_without_recorded_episodes_have_no_browser_and_no_script()
    {
        var html = HtmlReport.Render(SampleReports.Finished());
        Assert.DoesNotContain("episode-browser\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }
}
