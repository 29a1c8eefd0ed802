using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static Diagnostic CurriculumOnTask(TextSpan span) =>
        Error(DiagnosticCodes.CurriculumOnTask, span,
            "a curriculum chooses the levels of environments; a task's prompts are drawn afresh and have no levels to prioritise (leave 'curriculum' out)");

    public static Diagnostic CurriculumCannotPlan(TextSpan span, string curriculum, string detail) =>
        Error(DiagnosticCodes.CurriculumCannotPlan, span,
            $"'{curriculum}' scores every training level by the exact planner's optimal return, but the planner cannot solve these levels: {detail}; training would fail at its first level (use a smaller grid, fewer items or a shorter horizon, or no curriculum)");

    public static Diagnostic CurriculumNeverReplays(TextSpan span, string why) =>
        Warning(DiagnosticCodes.CurriculumNeverReplays, span,
            $"the curriculum replays only from a full buffer, and {why}: every episode would play a fresh level (domain randomisation with the planner's cost); lower 'buffer'");

    public static Diagnostic CurriculumNeverFresh(TextSpan span, int buffer) =>
        Warning(DiagnosticCodes.CurriculumNeverFresh, span,
            $"with 'replay: 1' every episode after the buffer fills replays one of its {buffer} levels, so training never sees a new level again; use a replay probability below 1");

    public static Diagnostic CurriculumLearnsNothing(TextSpan span) =>
        Warning(DiagnosticCodes.CurriculumLearnsNothing, span,
            "'robust: true' learns from replayed levels only, and 'replay: 0' never replays one: the model would not be trained at all; give 'replay' a probability above 0, or leave 'robust' out");
}
