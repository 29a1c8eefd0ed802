namespace MesaSpec.Language.Syntax;

/// <summary>The training lines of an experiment in phase order: the <c>train on</c> line, then each <c>then train on</c> line.</summary>
public static class PhaseSyntax
{
    /// <summary>The curriculum clause of each phase in order; null where a phase has none (domain randomisation).</summary>
    public static List<ExpressionSyntax?> CurriculumClauses(DeclarationSyntax experiment) =>
        [
            .. experiment.Members.OfType<TrainMemberSyntax>().Take(1).Select(t => t.Curriculum),
            .. experiment.Members.OfType<ThenTrainMemberSyntax>().Select(t => t.Curriculum),
        ];
}
