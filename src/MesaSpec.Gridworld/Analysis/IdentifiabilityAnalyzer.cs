using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Analysis;

/// <summary>
/// Static checks of an experiment's design by sampling levels: can each mesa objective be told apart from
/// the base objective in some evaluation environment, does any evaluation environment differ from the
/// training one, can every objective's item target spawn, can the levels be built at all, and do they fit the planner
/// (estimated first, <see cref="PlannerSizeCheck"/>, then found by planning them).
/// Samples the same levels the evaluation would play (the evaluation stream, or the finite level set), and plans
/// with the discount the run scores with (a level can separate two objectives only by when they are reached).
/// </summary>
public static class IdentifiabilityAnalyzer
{
    public const int DefaultLevelsPerEnvironment = 200;

    public static IdentifiabilityReport Analyze(
        ObjectiveModel baseObjective,
        IReadOnlyList<ObjectiveModel> mesaObjectives,
        EnvironmentModel training,
        IReadOnlyList<EnvironmentModel> evaluations,
        int levelsPerEnvironment = DefaultLevelsPerEnvironment,
        CancellationToken cancellationToken = default,
        double discount = 1)
    {
        var findings = new List<IdentifiabilityFinding>();
        var rates = new List<ConflictRate>();
        findings.AddRange(NeverSpawningTargets(mesaObjectives.Prepend(baseObjective), evaluations.Prepend(training).ToList()));

        var trainingPrint = EnvironmentFingerprint.Of(training);
        if (evaluations.Count > 0 && evaluations.All(e => EnvironmentFingerprint.Of(e) == trainingPrint))
        {
            findings.Add(new(IdentifiabilityFindingKind.NoDistributionShift,
                $"no evaluation environment differs from the training environment '{training.Name}': without a distributional shift pseudo-alignment cannot show",
                Environment: training.Name));
        }

        var separated = new HashSet<string>(StringComparer.Ordinal);
        var analysable = new List<string>();
        foreach (var environment in evaluations.Prepend(training).DistinctBy(e => e.Name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isEvaluation = evaluations.Any(e => ReferenceEquals(e, environment) || e.Name == environment.Name);
            var levels = SampleLevels(environment, levelsPerEnvironment, findings);
            if (levels is null || !isEvaluation)
            {
                continue;
            }
            analysable.Add(environment.Name);
            var planner = new EnvironmentPlanner(environment, levels[0].Items, discount: discount) { CancellationToken = cancellationToken };
            try
            {
                if (PlannerSizeCheck.Check(environment, levels, baseObjective, mesaObjectives, planner) is { } oversized)
                {
                    findings.Add(oversized);
                    analysable.Remove(environment.Name);
                    continue;
                }
                // Level by level, so one enumeration of a level's states serves the base plan and every comparison
                // (and only one level's states are held at a time).
                var separating = new int[mesaObjectives.Count];
                foreach (var level in levels)
                {
                    var levelPlanner = planner.ForLevel(level, baseObjective);
                    var baseOptimal = planner.OptimalReturn(levelPlanner, baseObjective);
                    for (var m = 0; m < mesaObjectives.Count; m++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (planner.Compare(levelPlanner, mesaObjectives[m], baseOptimal).Tests)
                        {
                            separating[m]++;
                        }
                    }
                }
                for (var m = 0; m < mesaObjectives.Count; m++)
                {
                    rates.Add(new ConflictRate(mesaObjectives[m].Name, environment.Name, levels.Count, separating[m]));
                    if (separating[m] > 0)
                    {
                        separated.Add(mesaObjectives[m].Name);
                    }
                }
            }
            catch (PlannerLimitExceededException e)
            {
                findings.Add(new(IdentifiabilityFindingKind.PlannerLimitExceeded, $"environment '{environment.Name}': {e.Message}", Environment: environment.Name));
                analysable.Remove(environment.Name);
            }
        }

        if (analysable.Count > 0)
        {
            foreach (var mesa in mesaObjectives.Where(m => !separated.Contains(m.Name)))
            {
                findings.Add(new(IdentifiabilityFindingKind.MesaObjectiveIndistinguishable,
                    $"no evaluation environment can separate mesa objective '{mesa.Name}' from the base objective '{baseObjective.Name}' " +
                    $"(no level among {levelsPerEnvironment} sampled from each of {string.Join(", ", analysable)} has different optimal behaviour): the experiment cannot test it",
                    Objective: mesa.Name));
            }
        }
        return new IdentifiabilityReport(findings, rates);
    }

    private static IReadOnlyList<Level>? SampleLevels(EnvironmentModel environment, int count, List<IdentifiabilityFinding> findings)
    {
        try
        {
            return EvaluationLevels.For(environment, Math.Max(1, count));
        }
        catch (LevelGenerationException e)
        {
            findings.Add(new(IdentifiabilityFindingKind.LevelGenerationFailed, e.Message, Environment: environment.Name, Subject: e.Subject));
            return null;
        }
    }

    private static IEnumerable<IdentifiabilityFinding> NeverSpawningTargets(IEnumerable<ObjectiveModel> objectives, IReadOnlyList<EnvironmentModel> environments)
    {
        foreach (var objective in objectives.DistinctBy(o => o.Name))
        {
            var targets = objective.Rewards.Select(r => r.Target).Concat(objective.Ends.Select(e => e.Target))
                .Where(t => t is KindTarget or AttributeTarget).Distinct();
            foreach (var target in targets)
            {
                if (!environments.Any(e => TargetMatcher.CanMatchAny(target, e)))
                {
                    var what = TargetMatcher.Describe(target);
                    yield return new(IdentifiabilityFindingKind.TargetNeverSpawns,
                        $"objective '{objective.Name}' targets '{what}', but no environment of the experiment ({string.Join(", ", environments.Select(e => e.Name).Distinct())}) has such an item",
                        Objective: objective.Name, Subject: what);
                }
            }
        }
    }
}
