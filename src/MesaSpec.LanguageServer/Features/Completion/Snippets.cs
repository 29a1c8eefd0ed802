namespace MesaSpec.LanguageServer.Features.Completion;

/// <summary>Whole-declaration and member snippets (LSP snippet syntax: <c>${1:placeholder}</c>, <c>$0</c> final cursor).</summary>
public static class Snippets
{
    public static IReadOnlyList<(string Label, string Detail, string Body)> Declarations { get; } =
    [
        ("environment", "environment declaration", "environment ${1:Name} {\n  grid ${2:9} x ${3:9}\n  walls ${4:maze}\n  agent spawn ${5:anywhere}\n  item ${6:cheese} spawn ${7:corner(top_right, 1)}\n  horizon ${8:64}\n  observation full\n}\n$0"),
        ("task", "task declaration (in-context regression prompts)", "task ${1:Name} {\n  family ${2:linear}\n  dimension ${3:10}\n  context ${4:10}\n  noise ${5:0}\n  inputs uniform(scale: ${6:1})\n}\n$0"),
        ("objective", "objective declaration", "objective ${1:Name} {\n  reward +${2:10} when agent reaches ${3:cheese}\n  reward -0.01 each step\n  end when agent reaches ${3:cheese}\n}\n$0"),
        ("experiment", "experiment declaration", "experiment ${1:Name} {\n  base objective ${2:Base}\n  mesa objective ${3:Proxy}\n  train on ${4:Training} with mlp() using ppo(steps: ${5:300k})\n  seeds ${6:3}\n  evaluate on ${4:Training}, ${7:Shifted} episodes ${8:200}\n  expect on ${7:Shifted}: ${9:robustly_aligned}\n}\n$0"),
        ("import", "import another spec", "import \"${1:common.mesa}\"\n$0"),
    ];

    public static IReadOnlyList<(string Label, string Body)> EnvironmentMembers { get; } =
    [
        ("grid", "grid ${1:9} x ${2:9}"), ("walls", "walls ${1:maze}"), ("layout", "layout {\n  \"${1:#####}\"\n}"),
        ("legend", "legend {\n  \"${1:#}\" = ${2:wall}\n}"), ("agent spawn", "agent spawn ${1:anywhere}"),
        ("item", "item ${1:kind} spawn ${2:anywhere}"), ("horizon", "horizon ${1:64}"), ("observation", "observation ${1:full}"),
        ("levels", "levels ${1:unlimited}"), ("cue", "cue ${1:deployment}"),
    ];

    public static IReadOnlyList<(string Label, string Body)> ObjectiveMembers { get; } =
    [
        ("reward when", "reward +${1:10} when agent ${2:reaches} ${3:cheese}"), ("reward each step", "reward -${1:0.01} each step"),
        ("end when", "end when agent ${1:reaches} ${2:cheese}"),
    ];

    public static IReadOnlyList<(string Label, string Body)> ExperimentMembers { get; } =
    [
        ("base objective", "base objective ${1}"), ("mesa objective", "mesa objective ${1}"),
        ("train on", "train on ${1} with ${2:mlp()} using ${3:ppo(steps: 300k)}"), ("then train on", "then train on ${1} for ${2:100k}"), ("policy", "policy ${1:random}"),
        ("seeds", "seeds ${1:3}"), ("evaluate on", "evaluate on ${1} episodes ${2:200}"), ("threshold", "threshold ${1:0.5}"),
        ("tolerance", "tolerance ${1:0.1}"), ("sweep", "sweep ${1:parameter} in [${2}]"), ("probe", "probe ${1:Name}: ${2:cell_of}(${3}) at layer ${4:1}"),
        ("steer", "steer ${1:Probe} by ${2:2}"), ("expect on", "expect on ${1}: ${2:robustly_aligned}"),
    ];

    /// <summary>The members of a task declaration.</summary>
    public static IReadOnlyList<(string Label, string Body)> TaskMembers { get; } =
    [
        ("family", "family ${1:linear}"),
        ("dimension", "dimension ${1:10}"),
        ("context", "context ${1:10}"),
        ("noise", "noise ${1:0}"),
        ("inputs", "inputs ${1:uniform}(scale: ${2:1})"),
    ];
}
