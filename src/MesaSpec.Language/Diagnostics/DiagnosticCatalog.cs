using MesaSpec.Language.Text;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Diagnostics;

/// <summary>
/// One factory per diagnostic: the only place its message is written, so wording stays consistent
/// and docs/diagnostics.md can mirror it.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static Diagnostic Error(string code, TextSpan span, string message, CodeFix? fix = null) =>
        new(code, DiagnosticSeverity.Error, span, message, "", fix);

    private static Diagnostic Warning(string code, TextSpan span, string message, CodeFix? fix = null) =>
        new(code, DiagnosticSeverity.Warning, span, message, "", fix);

    private static CodeFix Replace(string title, TextSpan span, string text) => new(title, [new TextEdit(span, text)]);

    // ---------------------------------------------------------------- MS0xxx input

    public static Diagnostic ManifestInvalid(string manifest, string reason) =>
        Error(DiagnosticCodes.ManifestInvalid, default, $"the workspace manifest is not valid: {reason}") with { Path = manifest };

    public static Diagnostic PluginNotFound(string manifest, string plugin, string reason) =>
        Error(DiagnosticCodes.PluginNotFound, default, $"plugin '{plugin}' not found: {reason}") with { Path = manifest };

    public static Diagnostic PluginFailed(string manifest, string plugin, string reason) =>
        Error(DiagnosticCodes.PluginFailed, default, $"plugin '{plugin}' failed to load: {reason}") with { Path = manifest };

    public static Diagnostic PluginComponentUnpaired(string manifest, string plugin, string component, string reason) =>
        Warning(DiagnosticCodes.PluginComponentUnpaired, default, $"plugin '{plugin}': component '{component}' {reason}") with { Path = manifest };

    public static Diagnostic InvalidUsage(string message) => Error(DiagnosticCodes.InvalidUsage, default, message);

    public static Diagnostic FileUnreadable(string path, string reason) =>
        Error(DiagnosticCodes.FileUnreadable, default, $"the file cannot be read: {reason}") with { Path = path };

    public static Diagnostic NotARegularFile(string path, string kind) =>
        Error(DiagnosticCodes.NotARegularFile, default, $"'{path}' is {kind}, not a regular file; only regular files are read as specs") with { Path = path };

    public static Diagnostic FileNotWritten(string path, string shownPath, string reason) =>
        Error(DiagnosticCodes.FileNotWritten, default, $"'{shownPath}' was not written: {reason}") with { Path = path };

    public static Diagnostic FileNotFound(string path) => Error(DiagnosticCodes.FileNotFound, default, $"file or folder '{path}' does not exist") with { Path = path };

    public static Diagnostic NoSpecsFound(string path) => Error(DiagnosticCodes.NoSpecsFound, default, $"no .mesa files found in '{path}'") with { Path = path };

    public static Diagnostic InvalidEncoding(string path, long byteOffset) =>
        Error(DiagnosticCodes.InvalidEncoding, default, $"the file is not valid UTF-8 (first invalid byte at offset {byteOffset})") with { Path = path };

    public static Diagnostic BinaryFile(string path, long byteOffset) =>
        Error(DiagnosticCodes.BinaryFile, default, $"the file looks binary (a NUL byte at offset {byteOffset}); .mesa specs are text") with { Path = path };

    public static Diagnostic FileTooLarge(string path, long bytes, long limit) =>
        Error(DiagnosticCodes.FileTooLarge, default, $"the file is {bytes / 1024.0 / 1024.0:F1} MB; specs larger than {limit / 1024 / 1024} MB are refused") with { Path = path };

    // ---------------------------------------------------------------- MS01xx distributed runs

    public static Diagnostic ClusterSubmissionFailed(string backend, string reason) =>
        Error(DiagnosticCodes.ClusterSubmissionFailed, default, $"{backend} refused the run: {reason}");

    public static Diagnostic UnknownClusterRun(string id) =>
        Error(DiagnosticCodes.UnknownClusterRun, default, $"no distributed run '{id}' (mesaspec runs list shows them; a run folder's path works too)");

    public static Diagnostic RunFolderUnusable(string folder, string reason) =>
        Error(DiagnosticCodes.RunFolderUnusable, default, $"the run folder cannot be used: {reason}") with { Path = folder };

    // ---------------------------------------------------------------- MS1xxx syntax

    public static Diagnostic UnexpectedInput(TextSpan span, string message) => Error(DiagnosticCodes.UnexpectedInput, span, message);

    public static Diagnostic MissingCloseBrace(TextSpan openBrace, string declaration) =>
        Error(DiagnosticCodes.MissingCloseBrace, openBrace, $"'{declaration}' is missing its closing '}}'");

    public static Diagnostic UnusualLineBreak(TextSpan at, string name) =>
        Error(DiagnosticCodes.UnusualLineBreak, at,
            $"{name} is not a line break in a spec, though editors may show one: a '//' comment before it would silently run on past it; use a newline",
            Replace("Replace with a newline", at, "\n"));

    public static Diagnostic EmptyFile(TextSpan at) =>
        Warning(DiagnosticCodes.EmptyFile, at, "the file declares nothing (no import, environment, objective, task or experiment)");

    public static Diagnostic ExceptChainTooLong(TextSpan chain, int limit) =>
        Error(DiagnosticCodes.ExceptChainTooLong, new TextSpan(chain.Start, Math.Min(chain.Length, 1)), $"this region chains more than {limit} 'except's; the file was not parsed further");

    public static Diagnostic UnterminatedComment(TextSpan span) => Error(DiagnosticCodes.UnterminatedComment, span, "this comment is never closed with '*/'");

    public static Diagnostic UnterminatedString(TextSpan span) => Error(DiagnosticCodes.UnterminatedString, span, "this string is not closed with '\"' before the end of the line");

    public static Diagnostic NestingTooDeep(TextSpan span, int limit) =>
        Error(DiagnosticCodes.NestingTooDeep, span, $"brackets are nested more than {limit} deep here; the file was not parsed further");

    public static Diagnostic TooManyErrors(TextSpan span, int more, bool restSkipped = false) =>
        Error(DiagnosticCodes.TooManyErrors, span, restSkipped
            ? $"{more} more syntax errors not shown, and the rest of the file was not parsed"
            : $"{more} more syntax errors not shown");

    // ---------------------------------------------------------------- MS2xxx names and types

    public static Diagnostic UnknownName(TextSpan span, string kind, string name, string? suggestion, string? detail = null) =>
        Error(DiagnosticCodes.UnknownName, span,
            $"unknown {kind} '{name}'" + (detail is null ? "" : $" ({detail})") + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic DuplicateDeclaration(TextSpan span, string name, string otherLocation) =>
        Error(DiagnosticCodes.DuplicateDeclaration, span, $"'{name}' is already declared ({otherLocation})");

    public static Diagnostic UnknownArgument(TextSpan span, string owner, string name, string? suggestion, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.UnknownArgument, span,
            $"'{owner}' has no parameter '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (parameters: {Join(valid)})",
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic TypeMismatch(TextSpan span, string expected, string actual, string what) =>
        Error(DiagnosticCodes.TypeMismatch, span, $"{what} must be {expected}, not {actual}");

    public static Diagnostic UnknownComponent(TextSpan span, string kind, string name, string? suggestion, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.UnknownComponent, span,
            $"unknown {kind} '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (available: {Join(valid)})",
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic MissingMember(TextSpan span, string declaration, string member, string example, int insertAt) =>
        Error(DiagnosticCodes.MissingMember, span, $"'{declaration}' needs '{member}'",
            new CodeFix($"Add '{example}'", [new TextEdit(new TextSpan(insertAt, 0), "  " + example + "\n")]));

    public static Diagnostic DuplicateMember(TextSpan span, string member) =>
        Error(DiagnosticCodes.DuplicateMember, span, $"'{member}' is given twice; the second would silently win", Replace("Remove the duplicate", span, ""));

    public static Diagnostic ExtendsCycle(TextSpan span, IEnumerable<string> cycle) =>
        Error(DiagnosticCodes.ExtendsCycle, span, $"environments extend each other in a cycle: {string.Join(" -> ", cycle)}");

    public static Diagnostic ExtendsChainTooLong(TextSpan span, string environment, int limit) =>
        Error(DiagnosticCodes.ExtendsChainTooLong, span, $"'{environment}' is more than {limit} 'extends' away from an environment that extends nothing; the chain is cut here");

    public static Diagnostic ImportNotFound(TextSpan span, string path) => Error(DiagnosticCodes.ImportNotFound, span, $"imported file '{path}' does not exist");

    public static Diagnostic ImportUnreadable(TextSpan span, string path, string reason) =>
        Error(DiagnosticCodes.ImportUnreadable, span, $"imported file '{path}' cannot be used: {reason}");

    public static Diagnostic ImportPathInvalid(TextSpan span, string path, string reason) =>
        Error(DiagnosticCodes.ImportPathInvalid, span, path.Length == 0 ? $"the import path is empty; {reason}" : $"import path '{path}' is not a valid path: {reason}");

    public static Diagnostic ImportCycle(TextSpan span, IEnumerable<string> cycle) =>
        Error(DiagnosticCodes.ImportCycle, span, $"files import each other in a cycle: {string.Join(" -> ", cycle)}");

    public static Diagnostic ImportOutsideWorkspace(TextSpan span, string path) =>
        Error(DiagnosticCodes.ImportOutsideWorkspace, span, $"import '{path}' leaves the workspace; imports must stay inside it");

    public static Diagnostic RegionOutsideGrid(TextSpan span, string problem, string environment) =>
        Error(DiagnosticCodes.RegionOutsideGrid, span, $"{problem} (in environment '{environment}')");

    public static Diagnostic UnknownItemKind(TextSpan span, string kind, string environment, string? suggestion) =>
        Error(DiagnosticCodes.UnknownItemKind, span,
            $"environment '{environment}' has no item '{kind}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic UnusedDeclaration(TextSpan span, string kind, string name) =>
        Warning(DiagnosticCodes.UnusedDeclaration, span, $"{kind} '{name}' is never used");

    public static Diagnostic UnknownWord(TextSpan span, string what, string word, string? suggestion, IEnumerable<string> valid) =>
        Error(DiagnosticCodes.UnknownWord, span,
            $"unknown {what} '{word}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (expected {Join(valid)})",
            suggestion is null ? null : Replace($"Change to '{suggestion}'", span, suggestion));

    public static Diagnostic WrongArgumentCount(TextSpan span, string owner, string expected, int actual) =>
        Error(DiagnosticCodes.WrongArgumentCount, span, $"'{owner}' takes {expected}, but {actual} {(actual == 1 ? "was" : "were")} given");

    public static Diagnostic ValueOutOfRange(TextSpan span, string what, string requirement, string actual) =>
        Error(DiagnosticCodes.ValueOutOfRange, span, $"{what} must be {requirement}, but is {actual}");

    public static Diagnostic DuplicateArgument(TextSpan span, string name) =>
        Error(DiagnosticCodes.DuplicateArgument, span, $"argument '{name}' is given more than once");

    public static Diagnostic LayoutProblem(TextSpan span, string problem) => Error(DiagnosticCodes.LayoutProblem, span, problem);

    public static Diagnostic WrongDeclarationKind(TextSpan span, string name, string expected, string actual) =>
        Error(DiagnosticCodes.WrongDeclarationKind, span, $"'{name}' is {Article(actual)} {actual}, but {Article(expected)} {expected} is expected here");

    public static Diagnostic MissingArgument(TextSpan span, string owner, string parameter) =>
        Error(DiagnosticCodes.MissingArgument, span, $"'{owner}' needs a value for parameter '{parameter}', which has no default");

    // ---------------------------------------------------------------- MS3xxx experiment design

    public static Diagnostic ObjectiveNotIdentifiable(TextSpan span, string mesa, string @base, string detail) =>
        Warning(DiagnosticCodes.ObjectiveNotIdentifiable, span,
            $"no evaluation environment can tell mesa objective '{mesa}' apart from base objective '{@base}' ({detail}); the experiment cannot test it");

    public static Diagnostic NoDistributionalShift(TextSpan span, string training, CodeFix? fix) =>
        Warning(DiagnosticCodes.NoDistributionalShift, span,
            $"no evaluation environment differs from the training environment '{training}': without a distributional shift, pseudo-alignment cannot show", fix);

    public static Diagnostic TargetNeverSpawns(TextSpan span, string objective, string target, string environments) =>
        Warning(DiagnosticCodes.TargetNeverSpawns, span,
            $"objective '{objective}' targets '{target}', which never appears in {environments}; its reward can never be earned there");

    public static Diagnostic SpawnRegionTooSmall(TextSpan span, string what, int needed, int available, string environment, string where = "its spawn region") =>
        Error(DiagnosticCodes.SpawnRegionTooSmall, span,
            $"{what} {(needed == 1 ? "needs 1 free cell" : $"need {needed} free cells")}, but {where} has only {available} in environment '{environment}'");

    /// <summary>MS3004 for a region that stacks: each item of a kind goes on a distinct anchor item, and there are too few.</summary>
    public static Diagnostic SpawnOnTooFewAnchors(TextSpan span, string kind, int needed, string anchors, int available, string environment) =>
        Error(DiagnosticCodes.SpawnRegionTooSmall, span,
            $"{(needed == 1 ? $"item '{kind}' goes" : $"the {needed} '{kind}' items go")} on {(needed == 1 ? "an item" : "distinct items")} of {anchors}, but environment '{environment}' has only {available} of them");

    public static Diagnostic ExpectationOnUnevaluatedEnvironment(TextSpan span, string environment, CodeFix? fix) =>
        Error(DiagnosticCodes.ExpectationOnUnevaluatedEnvironment, span, $"'{environment}' is not among the environments this experiment evaluates on", fix);

    public static Diagnostic ProxyNotAMesaObjective(TextSpan span, string name, CodeFix? fix) =>
        Error(DiagnosticCodes.ProxyNotAMesaObjective, span, $"'{name}' is not a mesa objective of this experiment; pseudo_aligned names one of its mesa objectives", fix);

    public static Diagnostic MetricObjectiveNotACandidate(TextSpan span, string name) =>
        Error(DiagnosticCodes.MetricObjectiveNotACandidate, span, $"'{name}' is neither the base objective nor a mesa objective of this experiment, so it is not scored");

    public static Diagnostic SweepExpectationWithoutSweep(TextSpan span, string detail) =>
        Error(DiagnosticCodes.SweepExpectationWithoutSweep, span, detail);

    public static Diagnostic PolicySourceMissing(TextSpan span, string experiment, int insertAt) =>
        Error(DiagnosticCodes.PolicySourceMissing, span,
            $"experiment '{experiment}' neither trains a model ('train on ... with ... using ...') nor names a reference policy ('policy oracle(...)' or 'policy random')",
            new CodeFix("Add a reference policy", [new TextEdit(new TextSpan(insertAt, 0), "  policy random\n")]));

    public static Diagnostic SweepParameterUnknown(TextSpan span, string parameter, string experiment) =>
        Error(DiagnosticCodes.SweepParameterUnknown, span, $"'{parameter}' is not a parameter of experiment '{experiment}'; declare it, e.g. 'experiment {experiment}({parameter}: int = 1)'");

    public static Diagnostic NoMesaObjective(TextSpan span, string experiment) =>
        Warning(DiagnosticCodes.NoMesaObjective, span, $"experiment '{experiment}' declares no mesa objective: pseudo-alignment can be detected only against a hypothesised proxy");

    public static Diagnostic ModelTooLarge(TextSpan span, string model, double parameters, double bytes, double available) =>
        Error(DiagnosticCodes.ModelTooLarge, span,
            $"'{model}' would have about {parameters:0.##e+0} parameters; training them needs about {bytes / 1e9:0.#} GB (weights, gradients and Adam's moments), more than the {available / 1e9:0.#} GB this machine has; use smaller layers");

    public static Diagnostic BudgetTooLarge(TextSpan span, double totalSteps, double limit) =>
        Error(DiagnosticCodes.BudgetTooLarge, span,
            $"the experiment would train for {totalSteps:0.###e0} environment steps in all (steps x seeds x sweep points), more than the limit of {limit:0e0}; lower the steps, the seeds or the sweep");

    public static Diagnostic LevelsCannotBeGenerated(TextSpan span, string detail) =>
        Error(DiagnosticCodes.LevelsCannotBeGenerated, span, $"levels cannot be generated: {detail}");

    public static Diagnostic PlannerLimitExceeded(TextSpan span, string detail) =>
        Warning(DiagnosticCodes.PlannerLimitExceeded, span, $"the exact planner cannot score these levels: {detail}; scores would be unavailable");

    /// <param name="detail">The environment, the estimate, the cap and its budget.</param>
    public static Diagnostic PlannerStatesOverCap(TextSpan span, string detail) =>
        Warning(DiagnosticCodes.PlannerStatesOverCap, span,
            $"the exact planner's states exceed its cap: {detail}; the planner refuses such levels, so their episodes would have no score and no verdict");

    /// <param name="remedy">What would make the model accept any grid size: an argument of it, or the models that can.</param>
    public static Diagnostic ModelDoesNotFitEnvironment(TextSpan span, string training, string trainingShape, string evaluation, string evaluationShape, string remedy) =>
        Error(DiagnosticCodes.ModelDoesNotFitEnvironment, span,
            $"a model trained on '{training}' sees {trainingShape} observations and cannot be evaluated on '{evaluation}', which gives {evaluationShape}; " +
            $"{remedy}, or evaluate on a grid of the training size, or give both environments the same 'observation window(K)'");

    public static Diagnostic TargetLooksLikeAnotherItem(TextSpan span, string objective, string kind, string other, string appearance, string environment) =>
        Warning(DiagnosticCodes.TargetLooksLikeAnotherItem, span,
            $"objective '{objective}' targets '{kind}', which looks like '{other}' in environment '{environment}' (both {appearance}): " +
            "a policy observes colour and shape, not kind names, so it cannot tell them apart");

    private static string Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
