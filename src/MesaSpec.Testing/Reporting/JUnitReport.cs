using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using MesaSpec.Testing.Running;

namespace MesaSpec.Testing.Reporting;

/// <summary>
/// The JUnit XML that CI systems read: one <c>testsuite</c> per spec, one <c>testcase</c> per experiment
/// (classname the spec's path, name the experiment), a <c>failure</c> carrying the summary as its message and
/// the diff and failed expectations as its text.
/// </summary>
public static class JUnitReport
{
    public static XDocument Build(IReadOnlyList<ExperimentOutcome> outcomes, Func<string, string> displayPath, IReadOnlyList<(string Spec, string Error)>? specErrors = null)
    {
        specErrors ??= [];
        var suites = new XElement("testsuites", new XAttribute("name", "mesaspec test"));
        var specs = outcomes.Select(o => o.SpecPath).Concat(specErrors.Select(e => e.Spec)).Distinct(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var name = displayPath(spec);
            var cases = outcomes.Where(o => o.SpecPath == spec).Select(o => Case(o, name)).ToList();
            cases.AddRange(specErrors.Where(e => e.Spec == spec).Select(e =>
                new XElement("testcase", new XAttribute("classname", name), new XAttribute("name", "(spec)"), new XAttribute("time", "0"),
                    new XElement("error", new XAttribute("message", "the spec has errors"), new XAttribute("type", "SpecError"), e.Error))));
            suites.Add(new XElement("testsuite",
                new XAttribute("name", name),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                new XAttribute("errors", cases.Count(c => c.Element("error") is not null)),
                new XAttribute("time", Seconds(outcomes.Where(o => o.SpecPath == spec).Sum(o => o.Duration.TotalSeconds))),
                cases));
        }
        suites.Add(new XAttribute("tests", outcomes.Count + specErrors.Count));
        suites.Add(new XAttribute("failures", outcomes.Count(o => !o.Passed && o.Status != SnapshotStatus.RunFailed)));
        suites.Add(new XAttribute("errors", outcomes.Count(o => o.Status == SnapshotStatus.RunFailed) + specErrors.Count));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    public static void Write(XDocument document, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        document.Save(writer);
    }

    private static XElement Case(ExperimentOutcome outcome, string spec)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", spec),
            new XAttribute("name", outcome.Variant is null ? outcome.Experiment : $"{outcome.Experiment} [{outcome.Variant}]"),
            new XAttribute("time", Seconds(outcome.Duration.TotalSeconds)));
        if (outcome.Passed)
        {
            return element;
        }
        var details = new StringBuilder();
        foreach (var expectation in outcome.FailedExpectations)
        {
            details.AppendLine($"expectation failed: {expectation}");
        }
        details.Append(outcome.Diff);
        element.Add(new XElement(outcome.Status == SnapshotStatus.RunFailed ? "error" : "failure",
            new XAttribute("message", outcome.Summary),
            new XAttribute("type", outcome.Status.ToString()),
            details.ToString()));
        return element;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
