using System.Text.RegularExpressions;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Architecture;

/// <summary>
/// A component is one registry entry: outside the file that declares its descriptor, no source file names it in
/// a string (so nothing can switch on it, list it, or default it behind the registry's back). Entries refer to
/// their descriptor by symbol (<c>BuiltinComponents.Maze</c>), never by name.
/// </summary>
public sealed partial class ComponentNameTests
{
    private static readonly string DescriptorFile = Path.Combine("src", "MesaSpec.Language", "Catalogue", "BuiltinComponents.cs");

    /// <summary>Files where such a word is something else, and what.</summary>
    private static readonly Dictionary<string, string> Homonyms = new(StringComparer.Ordinal)
    {
        [Path.Combine("src", "MesaSpec.Testing", "Comparison", "ScoreTolerance.cs")] = "report.json member names (score, capability), not metric calls",
        [Path.Combine("src", "MesaSpec.Language", "Model", "VerdictWords.cs")] = "the report's misgeneralisation word 'capability', not the metric",
    };

    [Fact]
    public void No_source_file_but_the_descriptors_names_a_built_in_component_in_a_string()
    {
        var names = ComponentCatalog.Default.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(names);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file);
            if (relative == DescriptorFile || Homonyms.ContainsKey(relative) || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = Comment().Replace(lines[i], "");
                foreach (Match literal in StringLiteral().Matches(code))
                {
                    if (names.Contains(literal.Groups["text"].Value))
                    {
                        offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }
        Assert.True(offenders.Count == 0, "component names outside their registry entry:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_a_component_name_in_a_switch()
    {
        var code = Comment().Replace("""    "ppo" => new PpoSettings(), // the old way""", "");
        Assert.Contains(StringLiteral().Matches(code), m => m.Groups["text"].Value == "ppo");
    }

    [GeneratedRegex(@"//.*$")]
    private static partial Regex Comment();

    [GeneratedRegex("\"(?<text>[a-z0-9_]+)\"")]
    private static partial Regex StringLiteral();
}
