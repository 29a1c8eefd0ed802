using MesaSpec.Experiments.Evaluation;
using MesaSpec.Experiments.Reports;
using MesaSpec.Experiments.Running;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;

namespace MesaSpec.Experiments.Probes;

/// <summary>
/// A point's probes and steering over its seeds: probe scores as means with 95% t intervals over seeds (the seeds
/// are the replications: each fits its own probe on its own levels), steering changes by the clustered bootstrap of
/// the per-episode differences (paired: the same level, the same sampling stream, with and without the vector).
/// </summary>
public static class ProbeAggregation
{
    public const string Accuracy = "accuracy";
    public const string RSquared = "r2";

    /// <summary>Null when the point has no probes or no seed measured any (a policy without layers).</summary>
    public static IReadOnlyList<ProbeReport>? Probes(ExperimentModel point, IReadOnlyList<SeedOutcome> seeds)
    {
        if (point.Probes.Count == 0 || seeds.All(s => s.Probes.Count == 0))
        {
            return null;
        }
        var reports = new List<ProbeReport>();
        for (var e = 0; e < point.Evaluations.Count; e++)
        {
            foreach (var probe in point.Probes)
            {
                var rows = seeds.SelectMany(s => s.Probes).Where(r => r.Evaluation == e && r.Probe == probe.Name).ToList();
                var measured = rows.Where(r => r.Score is not null).ToList();
                reports.Add(new ProbeReport
                {
                    Environment = point.Evaluations[e].Environment.DisplayName,
                    Declaration = point.Evaluations[e].Environment.Name,
                    Probe = probe.Name,
                    Feature = $"{probe.Feature.Name}({string.Join(", ", probe.Objectives.Select(o => o.Name))})",
                    Layer = probe.Layer,
                    Measure = probe.Kind == FeatureKind.Value ? RSquared : Accuracy,
                    Score = TInterval(measured.Select(r => r.Score!.Value).ToList()),
                    Chance = TInterval(measured.Select(r => r.Chance!.Value).ToList()),
                    Gain = TInterval(measured.Select(r => r.Score!.Value - r.Chance!.Value).ToList()),
                    PerSeed = rows.Select(r => new ProbeSeedReport(r.Seed, r.Score, r.Chance, r.TrainRows, r.TestRows, r.TrainLevels, r.TestLevels, r.Penalty)).ToList(),
                });
            }
        }
        return reports;
    }

    /// <summary>Null when the point steers nothing or no seed could steer.</summary>
    public static IReadOnlyList<SteeringReport>? Steering(ExperimentModel point, IReadOnlyList<SeedOutcome> seeds)
    {
        if (point.Steers.Count == 0 || seeds.All(s => s.Steering.Count == 0))
        {
            return null;
        }
        var candidates = point.Candidates.Select(c => c.Name).ToList();
        var reports = new List<SteeringReport>();
        for (var e = 0; e < point.Evaluations.Count; e++)
        {
            foreach (var steer in point.Steers)
            {
                var rows = seeds.SelectMany(s => s.Steering).Where(r => r.Evaluation == e && r.Probe == steer.Probe).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }
                ScoreSummary Summary(int c, Func<SteeringSeedResult, int, double?> value) =>
                    ClusteredBootstrap.Summarise(rows.Select(r => ClusteredBootstrap.Clusters(r.LevelIds, i => value(r, i))).ToList());
                reports.Add(new SteeringReport
                {
                    Environment = point.Evaluations[e].Environment.DisplayName,
                    Probe = steer.Probe,
                    Layer = point.Probes.First(p => p.Name == steer.Probe).Layer,
                    Scale = steer.Scale,
                    Objectives = candidates.Select((name, c) => new SteeredObjective(
                        name,
                        ReportMapping.Estimate(Summary(c, (r, i) => r.Unsteered[c][i])),
                        ReportMapping.Estimate(Summary(c, (r, i) => r.Steered[c][i])),
                        ReportMapping.Estimate(Summary(c, (r, i) => r.Steered[c][i] - r.Unsteered[c][i])))).ToList(),
                });
            }
        }
        return reports;
    }

    /// <summary>The mean and its 95% Student t interval over seeds (no interval from one seed).</summary>
    public static Estimate TInterval(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new Estimate(null, null, null, 0);
        }
        var mean = values.Average();
        if (values.Count < 2)
        {
            return new Estimate(mean, null, null, 1, Seeds: 1);
        }
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        var half = StudentT.Critical95(values.Count - 1) * Math.Sqrt(variance / values.Count);
        return new Estimate(mean, mean - half, mean + half, values.Count, Seeds: values.Count, SeedVariance: variance);
    }
}
