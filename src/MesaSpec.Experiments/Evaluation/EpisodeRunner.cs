using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Planning;

namespace MesaSpec.Experiments.Evaluation;

/// <summary>
/// Plays a policy on the levels of an <see cref="EvaluationSetup"/>, episode e on level e, under the
/// base objective's rules, and scores every candidate on the same trajectories: a reward at step t of the
/// episode counts discount^t (the setup's discount, as the planner's optimum does). A candidate earns reward
/// until the episode ends or its own end condition fires (then its goal is reached and its episode, had it
/// been the one trained on, would have ended).
/// </summary>
public static class EpisodeRunner
{
    public const int DefaultBatchSize = 32;

    /// <summary>The policy as the evaluation asks it to act: with its thinking steps, when it can think.</summary>
    public static IPolicy WithThinking(EvaluationSetup setup, IPolicy policy) =>
        setup.Evaluation.Thinking > 0 && policy is IThinkingPolicy thinking ? thinking.Thinking(setup.Evaluation.Thinking) : policy;

    /// <param name="countVisits">Whether to count where the agent was relative to each candidate's target
    /// (<see cref="EpisodeScores.Visits"/>): the report's maps want the evaluated policy's, not the random baseline's.</param>
    public static EpisodeScores Run(EvaluationSetup setup, IPolicy policy, int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default,
        bool countVisits = false)
    {
        policy = WithThinking(setup, policy);
        var episodes = setup.Episodes;
        var candidates = setup.Candidates.Count;
        var slots = Math.Clamp(batchSize, 1, episodes);
        var environment = GridVectorEnvironment.ForLevels(setup.Environment, setup.BaseObjective, slots, setup.Levels, setup.Layout);
        var planner = new EnvironmentPlanner(setup.Environment, environment.Items);
        var compiled = setup.Candidates.Select(planner.Compile).ToArray();
        var scores = new EpisodeScores(candidates, episodes)
        {
            Visits = countVisits ? new RelativeVisits(setup.Levels, setup.Candidates, setup.Environment.Width, setup.Environment.Height) : null,
        };
        var ownEnded = new bool[candidates * episodes];
        var actions = new int[slots];
        var rewards = new float[slots];
        var dones = new bool[slots];
        var truncated = new bool[slots];
        var episodeOf = new long[slots];
        var stepOf = new int[slots];
        var cellOf = new int[slots];
        var counters = new ulong[candidates * slots]; // each candidate's counter word in each slot's episode
        var countedEpisode = new long[slots];
        Array.Fill(countedEpisode, -1);
        var completed = 0;
        while (completed < episodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            policy.Act(environment, actions);
            for (var i = 0; i < slots; i++)
            {
                episodeOf[i] = environment.Serial(i);
                stepOf[i] = environment.StepIndex(i);
                cellOf[i] = environment.AgentCell(i);
            }
            environment.Step(actions, rewards, dones, truncated);
            for (var i = 0; i < slots; i++)
            {
                var e = episodeOf[i];
                if (e >= episodes)
                {
                    continue; // a slot replaying the schedule after every episode was handed out
                }
                var outcome = environment.LastOutcome(i);
                scores.Actions[e].Add((byte)actions[i]);
                scores.Visits?.Count((int)e, cellOf[i]);
                var weight = Math.Pow(setup.Discount, stepOf[i]);
                if (countedEpisode[i] != e)
                {
                    countedEpisode[i] = e;
                    for (var c = 0; c < candidates; c++)
                    {
                        counters[c * slots + i] = 0;
                    }
                }
                for (var c = 0; c < candidates; c++)
                {
                    var flag = c * episodes + (int)e;
                    if (ownEnded[flag])
                    {
                        continue;
                    }
                    var reward = compiled[c].Score(outcome, ref counters[c * slots + i], out var ends);
                    scores.Returns[c][e] += weight * reward;
                    if (ends)
                    {
                        ownEnded[flag] = true;
                        // A goal is an ending the objective rewards: touching lava also ends ReachGoalSafely's
                        // episodes, but is not reaching its goal.
                        scores.GoalReached[c][e] = reward - compiled[c].StepReward > 0;
                    }
                }
                if (dones[i])
                {
                    // The slot has already reset to its next episode: the end is the last move's cell.
                    scores.EndCells[e] = outcome.Moved ? outcome.Cell : cellOf[i];
                    scores.Visits?.Count((int)e, scores.EndCells[e]);
                    scores.Outcomes[e] = Outcome(scores, (int)e, outcome, truncated[i]);
                    completed++;
                }
            }
        }
        for (var c = 0; c < candidates; c++)
        {
            for (var e = 0; e < episodes; e++)
            {
                scores.Scores[c][e] = ScoreRule.Score(scores.Returns[c][e], setup.Optimal[c][e]);
            }
        }
        return scores;
    }

    /// <summary>The base goal first, then a proxy's, a hazard, the horizon, any other end (<see cref="EpisodeOutcome"/>).</summary>
    private static EpisodeOutcome Outcome(EpisodeScores scores, int episode, StepOutcome last, bool truncated) =>
        scores.GoalReached[0][episode] ? EpisodeOutcome.BaseGoal
        : scores.GoalReached.Skip(1).Any(goals => goals[episode]) ? EpisodeOutcome.ProxyGoal
        : last.EndsEpisode ? EpisodeOutcome.Hazard
        : truncated ? EpisodeOutcome.Timeout
        : EpisodeOutcome.Ended;
}
