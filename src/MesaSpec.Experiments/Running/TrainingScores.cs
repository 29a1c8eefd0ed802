using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Training;

namespace MesaSpec.Experiments.Running;

/// <summary>
/// Scores over training: evaluates each snapshot of a seed's model on every evaluation environment of the
/// experiment, on the same levels (and with the same sampling stream) as the final evaluation, so the points are
/// paired with each other and with the verdict's numbers.
/// </summary>
internal sealed class TrainingScores(IReadOnlyList<PolicyEvaluator> evaluators, int seed, CancellationToken cancellationToken)
{
    private readonly List<TrainingScorePoint> points = [];

    public IReadOnlyList<TrainingScorePoint> Points => points;

    public TrainingSnapshots Schedule(long every) => new(every, Take);

    private void Take(long step, IPolicy policy)
    {
        foreach (var evaluator in evaluators)
        {
            var setup = evaluator.SetupFor(seed, cancellationToken);
            var scores = EpisodeRunner.Run(setup, policy, evaluator.BatchSize, cancellationToken);
            var objectives = evaluator.CandidateNames.Select((name, c) =>
            {
                var scored = scores.Scores[c].OfType<double>().ToList();
                return new ObjectiveScoreAt(name, scored.Count == 0 ? null : scored.Average());
            }).ToList();
            points.Add(new TrainingScorePoint(step, evaluator.Evaluation.Environment.Name, objectives));
        }
    }
}
