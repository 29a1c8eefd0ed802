using MesaSpec.LanguageServer.Features.Running;

namespace MesaSpec.LanguageServer.Features.Commands;

/// <summary>Result of <c>mesaspec.checkExpectations</c>.</summary>
public sealed record ExpectationCheck(string Experiment, string ReportPath, bool Passed, ExpectationResult[] Expectations);

/// <summary>Result of <c>mesaspec.openReport</c>: the report files that exist.</summary>
public sealed record ReportFilesResult(string Experiment, string ReportPath, string? MarkdownPath, string? HtmlPath);

/// <summary>Result of <c>mesaspec.previewEnvironment</c>.</summary>
public sealed record EnvironmentPreviewResult(string Environment, string Definition, string[] Levels);
