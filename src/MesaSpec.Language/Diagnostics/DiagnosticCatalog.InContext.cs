using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

// Experiments on tasks (in-context learning as mesa-optimization).
public static partial class DiagnosticCatalog
{
    /// <param name="kind">"model" or "algorithm".</param>
    /// <param name="forTasks">The component is for tasks (and was used in an environment experiment).</param>
    public static Diagnostic ComponentForOtherExperimentKind(TextSpan span, string kind, string name, bool forTasks, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.ComponentForOtherExperimentKind, span, forTasks
            ? $"the {kind} '{name}' learns from prompts of a task; training on an environment needs one of: {string.Join(", ", valid)}"
            : $"the {kind} '{name}' acts in environments; training on a task needs one of: {string.Join(", ", valid)}");

    public static Diagnostic TasksAndEnvironmentsMixed(TextSpan span, string name, bool isTask, string trainedOn) =>
        Error(DiagnosticCodes.TasksAndEnvironmentsMixed, span, isTask
            ? $"'{name}' is a task, but this experiment trains on {trainedOn}: evaluate a model on the kind of distribution it was trained on"
            : $"'{name}' is an environment, but this experiment trains on {trainedOn}: evaluate a model on the kind of distribution it was trained on");

    public static Diagnostic UnknownReferenceLearner(TextSpan span, string word, string? suggestion, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.UnknownReferenceLearner, span,
            $"'{word}' is not a reference learner" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (expected {string.Join(", ", valid)})",
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic VerdictForOtherExperimentKind(TextSpan span, string verdict, bool taskExperiment, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.VerdictForOtherExperimentKind, span, taskExperiment
            ? $"'{verdict}' judges behaviour in environments; an experiment trained on a task can expect {string.Join(" or ", valid)}"
            : $"'{verdict}' judges a model trained on a task; an experiment in environments can expect {string.Join(", ", valid)}");

    public static Diagnostic TaskDimensionMismatch(TextSpan span, string task, int dimension, string training, int trainingDimension) =>
        Error(DiagnosticCodes.TaskDimensionMismatch, span,
            $"task '{task}' has inputs of dimension {dimension}, but the model is trained on '{training}' with dimension {trainingDimension}: its input size is fixed");

    public static Diagnostic NoTaskShift(TextSpan span, string training) =>
        Warning(DiagnosticCodes.NoTaskShift, span,
            $"every evaluation task draws prompts like the training task '{training}': no distributional shift, so nothing shows where the in-context learner stops matching its reference");

    public static Diagnostic ObjectivesInTaskExperiment(TextSpan span) =>
        Warning(DiagnosticCodes.ObjectivesInTaskExperiment, span,
            "an experiment trained on a task has the squared loss of the query's prediction as its base objective and the reference learners as candidates; this line is ignored");
}
