using MesaSpec.Language.Text;

namespace MesaSpec.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static Diagnostic ThinkingOnTask(TextSpan span) =>
        Error(DiagnosticCodes.ThinkingOnTask, span,
            "'thinking' gives a policy with memory steps on an episode's first observation before it acts; a task's prompts have no episodes (leave it out)");
}
