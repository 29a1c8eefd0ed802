using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>
/// MS307x checks of a phase's curriculum that need no simulation: a buffer that can never fill (so nothing is ever
/// replayed), a replay probability of 1 (so no new level is ever seen once it has), and a robust curriculum that never
/// replays (so nothing is learnt). A curriculum whose levels
/// the planner cannot solve (MS3070) needs the planner, so the gridworld's analyzer reports it.
/// </summary>
internal static class CurriculumChecks
{
    /// <summary>The buffer size parameter of prioritised level replay, as its descriptor names it.</summary>
    private const string Buffer = "buffer";

    private const string Replay = "replay";

    private const string Robust = "robust";

    public static void Check(ExperimentPlan plan, FileDiagnostics file)
    {
        var reported = new HashSet<(string Code, int Start)>();
        void Report(Diagnostic diagnostic)
        {
            if (reported.Add((diagnostic.Code, diagnostic.Span.Start)))
            {
                file.Report(diagnostic);
            }
        }
        var clauses = PhaseSyntax.CurriculumClauses(plan.Experiment.Syntax);
        foreach (var point in plan.Points)
        {
            if (point.Policy is not TrainedPolicy trained)
            {
                continue;
            }
            for (var i = 0; i < trained.Phases.Count && i < clauses.Count; i++)
            {
                if (trained.Phases[i].Distribution.Curriculum is not { } curriculum || clauses[i] is not { } clause)
                {
                    continue;
                }
                var arguments = curriculum.Component.Arguments;
                if (arguments.TryGetValue(Buffer, out var bufferValue) && bufferValue.AsInt() is var buffer)
                {
                    if (NeverFills(trained.Phases[i], buffer) is { } why)
                    {
                        Report(DiagnosticCatalog.CurriculumNeverReplays(clause.Span, why));
                    }
                    if (arguments.TryGetValue(Replay, out var replay) && replay.AsFloat() >= 1)
                    {
                        Report(DiagnosticCatalog.CurriculumNeverFresh(clause.Span, (int)buffer));
                    }
                    if (arguments.TryGetValue(Robust, out var robust) && robust.AsBool() && replay.Raw is not null && replay.AsFloat() <= 0)
                    {
                        Report(DiagnosticCatalog.CurriculumLearnsNothing(clause.Span));
                    }
                }
            }
        }
    }

    /// <summary>Why a buffer of <paramref name="buffer"/> levels never fills in this phase, or null when it can.</summary>
    private static string? NeverFills(TrainingPhase phase, long buffer)
    {
        var components = phase.Distribution.Components;
        if (components.All(c => c.Environment.Levels is not null) && components.Sum(c => (long)c.Environment.Levels!.Value) is var distinct && distinct < buffer)
        {
            return $"the training distribution has only {distinct} distinct levels for a buffer of {buffer}";
        }
        // Each level enters the buffer when its episode ends, and an episode takes at least one step.
        if (phase.Algorithm.Budget is { } steps && steps < buffer)
        {
            return $"the phase's {steps} steps end fewer episodes than the buffer's {buffer} levels";
        }
        return null;
    }
}
