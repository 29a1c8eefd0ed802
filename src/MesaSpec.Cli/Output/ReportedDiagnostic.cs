using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Text;

namespace MesaSpec.Cli.Output;

/// <summary>A diagnostic with the text of its file (null for input problems that have no text).</summary>
public sealed record ReportedDiagnostic(Diagnostic Diagnostic, SourceText? Source);
