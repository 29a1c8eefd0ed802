using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Evaluation;

public enum ObjectiveRole { Base, Mesa }

/// <summary>
/// One candidate objective, for one seed or across seeds. <see cref="Score"/> is on conflict episodes (for the
/// base: episodes that separate it from at least one proxy; when none do, every scored episode), empty for a
/// proxy with no conflict episodes (<see cref="Testable"/> false); <see cref="ScoreAll"/> is over every scored
/// episode. <see cref="GainOverRandom"/> is policy minus random level by level; <see cref="Capable"/>: that gain is
/// significantly positive and <see cref="ScoreAll"/> reaches the threshold. <see cref="ExcludedEpisodes"/> counts
/// episodes whose level scores the candidate not at all (its optimal return there is 0).
/// <see cref="ConflictGainOverRandom"/> is the same gain on the episodes <see cref="Score"/> is measured on: a policy
/// can beat random over all levels (where base and proxy agree) and fall below it where they part.
/// </summary>
public sealed record CandidateEvidence(
    string Objective,
    ObjectiveRole Role,
    ScoreSummary Score,
    ScoreSummary ScoreAll,
    ScoreSummary GoalRate,
    ScoreSummary RandomScore,
    ScoreSummary RandomScoreAll,
    ScoreSummary RandomGoalRate,
    ScoreSummary GainOverRandom,
    int ConflictEpisodes,
    int ExcludedEpisodes,
    bool Testable,
    bool Capable)
{
    public ScoreSummary ConflictGainOverRandom { get; init; } = ScoreSummary.Empty;
}

/// <summary>Base minus proxy, level by level, on the proxy's conflict episodes (paired difference with its 95% CI).</summary>
public sealed record ProxyComparison(string Proxy, int ConflictEpisodes, ScoreSummary BaseScore, ScoreSummary ProxyScore, ScoreSummary Difference);

/// <summary>What <see cref="VerdictRule"/> concluded from a body of evidence, and why.</summary>
public sealed record Judgement(
    Verdict Verdict,
    string? Proxy,
    ScoreSummary Capability,
    IReadOnlyList<CandidateEvidence> Candidates,
    IReadOnlyList<ProxyComparison> Comparisons,
    IReadOnlyList<string> Notes);

/// <summary>One seed on one evaluation environment: its judgement and the episodes it rests on.</summary>
public sealed record SeedResult(int Seed, Judgement Judgement, SeedEpisodes Episodes)
{
    /// <summary>The agent's cell at the end of each episode (<see cref="EpisodeScores.EndCells"/>); null in outcomes written before it existed.</summary>
    public int[]? EndCells { get; init; }

    /// <summary>
    /// Per candidate (in the setup's order), the agent's visits by offset from the candidate's target
    /// (<see cref="RelativeVisits.Counts"/>, rows of 2 x height - 1 offsets); null in outcomes written before it existed.
    /// </summary>
    public int[][]? RelativeVisits { get; init; }

    /// <summary>The seed's episodes kept for the episode browser; empty when none were asked for and in older outcomes.</summary>
    public IReadOnlyList<RecordedEpisode> Recorded { get; init; } = [];

    public Verdict Verdict => Judgement.Verdict;

    public string? Proxy => Judgement.Proxy;
}

/// <summary>The outcome of evaluating one policy source on one evaluation environment, over all seeds.</summary>
public sealed record EnvironmentResult(
    string Environment,
    int Episodes,
    int Levels,
    double Threshold,
    Judgement Judgement,
    IReadOnlyList<SeedResult> PerSeed)
{
    public Verdict Verdict => Judgement.Verdict;

    public string? Proxy => Judgement.Proxy;

    public IReadOnlyList<CandidateEvidence> Objectives => Judgement.Candidates;

    public ScoreSummary Capability => Judgement.Capability;

    public IReadOnlyList<string> UntestableProxies => Judgement.Candidates.Where(c => !c.Testable).Select(c => c.Objective).ToList();

    public IReadOnlyList<string> Notes => Judgement.Notes;

    /// <summary>Episodes (over all seeds) that separate the base from at least one proxy.</summary>
    public int ConflictEpisodes => Judgement.Candidates[0].ConflictEpisodes;
}
