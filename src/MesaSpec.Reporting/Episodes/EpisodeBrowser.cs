using System.Net;
using System.Text;
using System.Text.Json;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;

namespace MesaSpec.Reporting.Episodes;

/// <summary>
/// report.html's episode browser: per point and evaluation environment, the recorded episodes (report.json's
/// <c>recordedEpisodes</c>) filterable by seed, conflict and outcome, and a step-through of the chosen one on its grid
/// (slider, arrow keys). The frames come from <see cref="ExperimentReplay"/> as the page is written; without one (a
/// report redrawn without its spec) the episodes are listed but cannot be stepped through.
/// </summary>
internal static class EpisodeBrowser
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static bool Has(RunReport report) => report.Points.Any(p => p.Evaluations.Any(e => e.RecordedEpisodes is { Count: > 0 }));

    public static void Html(StringBuilder html, RunReport report, ExperimentReplay? replay)
    {
        html.Append("<h2>Episodes</h2>\n<p class=\"muted\">A sample of the evaluation episodes of every seed (up to half of them on conflict "
            + "levels), replayed on their levels as this page was written. Filter them, pick one, and step through it with the slider or "
            + "the arrow keys (Home, End: first and last step); the agent is <b>A</b>, the cells it has been on are shaded.</p>\n");
        for (var p = 0; p < report.Points.Count; p++)
        {
            var point = report.Points[p];
            for (var e = 0; e < point.Evaluations.Count; e++)
            {
                if (point.Evaluations[e].RecordedEpisodes is { Count: > 0 } episodes)
                {
                    var title = point.Evaluations[e].Environment + (report.Points.Count > 1 ? $" at {ReportText.Parameters(point)}" : "");
                    Browser(html, title, episodes, episode => replay?.Replay(p, e, episode));
                }
            }
        }
    }

    private static void Browser(StringBuilder html, string title, IReadOnlyList<RecordedEpisode> episodes, Func<RecordedEpisode, ReplayedEpisode?> replay)
    {
        html.Append($"<section class=\"episode-browser\" tabindex=\"0\" aria-label=\"{E(title)}: episode browser\"><h3>{E(title)}</h3>\n<div class=\"episode-filters\">");
        Filter(html, "seed", "seed", [("", "every seed"), .. episodes.Select(x => x.Seed).Distinct().Select(s => (Number(s), $"seed {Number(s)}"))]);
        Filter(html, "conflict", "level", [("", "every level"), ("true", "conflict levels"), ("false", "non-conflict levels")]);
        Filter(html, "outcome", "outcome", [("", "every outcome"), .. episodes.Select(x => x.Outcome).Distinct().Order().Select(o => (o.Word(), o.Phrase()))]);
        html.Append("<span class=\"episode-count muted\"></span></div>\n");
        // The list is written here (the script only filters it), so without the script, in an untrusted editor, it still lists every episode.
        html.Append($"<label class=\"episode-list\">episode <select class=\"episodes\" size=\"6\" aria-label=\"{E(title)}: episodes\">");
        for (var i = 0; i < episodes.Count; i++)
        {
            var x = episodes[i];
            html.Append($"<option value=\"{i}\">seed {Number(x.Seed)}, episode {Number(x.Episode)}{(x.Conflict ? ", conflict" : "")}: {E(x.Outcome.Phrase())} ({Number(x.Actions.Length)} steps)</option>");
        }
        html.Append("</select></label>\n");
        html.Append("<div class=\"episode-player\"><div class=\"episode-grid\" role=\"img\" aria-label=\"the episode on its grid\"></div>\n"
            + $"<label class=\"episode-step\">step <input class=\"step\" type=\"range\" min=\"0\" max=\"0\" value=\"0\" aria-label=\"{E(title)}: step\"></label>"
            + "<p class=\"step-label\" aria-live=\"polite\"></p>");
        var legend = "";
        var data = episodes.Select(episode =>
        {
            var replayed = replay(episode);
            legend = legend.Length == 0 && replayed is not null ? replayed.Legend : legend;
            return new
            {
                episode.Seed,
                episode.Episode,
                episode.Conflict,
                Outcome = episode.Outcome.Word(),
                Phrase = episode.Outcome.Phrase(),
                episode.Actions,
                replayed?.Width,
                replayed?.Floor,
                Symbols = replayed?.ItemSymbols,
                Frames = replayed?.Frames.Select(f => f.Items.Prepend(f.Agent).ToArray()).ToList(),
            };
        }).ToList();
        html.Append($"<p class=\"muted legend\">{E(legend.Length == 0 ? "" : "legend: " + legend)}</p></div>\n");
        // The default encoder escapes <, > and &, so no text in the data can close this element.
        html.Append("<script type=\"application/json\" class=\"episode-data\">")
            .Append(JsonSerializer.Serialize(new { Episodes = data }, Json))
            .Append("</script></section>\n");
    }

    private static void Filter(StringBuilder html, string name, string label, IReadOnlyList<(string Value, string Text)> options)
    {
        html.Append($"<label>{E(label)} <select class=\"{name}\">");
        foreach (var (value, text) in options)
        {
            html.Append($"<option value=\"{E(value)}\">{E(text)}</option>");
        }
        html.Append("</select></label>");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The browser's layout: filters wrap, the list and the grid sit side by side when there is room, one under the other otherwise.</summary>
    public const string Style = """
        .episode-browser{border:1px solid #8884;border-radius:4px;padding:.5rem .8rem;margin:1rem 0;--episode-cell:22px}
        .episode-browser:focus{outline:2px solid #0072B2}.episode-browser h3{margin:.2rem 0 .5rem}
        .episode-filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin-bottom:.5rem}
        .episode-filters label{display:flex;gap:.3rem;align-items:center;max-width:100%;min-width:0}.episode-filters select{min-width:0;max-width:100%}
        .episode-list{display:block;max-width:100%}.episode-list select{display:block;width:100%;max-width:40rem;font:inherit;font-size:.9em}
        .episode-player{margin-top:.6rem;min-width:0}.episode-step{display:flex;align-items:center;gap:.5rem;max-width:30rem}.episode-step input{flex:1;min-width:0}
        .episode-grid{display:grid;gap:1px;max-width:100%;overflow-x:auto;width:max-content}
        .episode-grid span{width:var(--episode-cell);height:var(--episode-cell);display:flex;align-items:center;justify-content:center;font:700 12px ui-monospace,monospace}
        .episode-grid .wall{background:#444}.episode-grid .floor{background:#fff;outline:1px solid #ccc}.episode-grid .trail{background:#E69F0066}
        .episode-grid .agent{background:#0072B2;color:#fff}.episode-grid .item{background:#F0E442;color:#000}
        @media (max-width:900px){.episode-browser{--episode-cell:16px;padding:.4rem}}

        """;
}
