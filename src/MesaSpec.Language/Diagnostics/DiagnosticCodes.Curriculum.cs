namespace MesaSpec.Language.Diagnostics;

// The codes of curricula (how a training phase chooses its levels): MS2070-MS2079, MS3070-MS3079.
public static partial class DiagnosticCodes
{
    public const string CurriculumOnTask = "MS2070";
    public const string CurriculumCannotPlan = "MS3070";
    public const string CurriculumNeverReplays = "MS3071";
    public const string CurriculumNeverFresh = "MS3072";
    public const string CurriculumLearnsNothing = "MS3073";
}
