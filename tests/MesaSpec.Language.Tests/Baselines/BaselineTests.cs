using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Baselines;

/// <summary>
/// One folder per case under Baselines/: <c>input.mesa</c> (plus any other <c>*.mesa</c> it imports) and
/// the expected <c>diagnostics.txt</c>, <c>symbols.txt</c> and <c>formatted.mesa</c>.
/// To accept new output after a deliberate change, run
/// <c>MESASPEC_UPDATE_BASELINES=1 dotnet test tests/MesaSpec.Language.Tests</c> and review the diff.
/// </summary>
public sealed class BaselineTests
{
    private const string UpdateSwitch = "MESASPEC_UPDATE_BASELINES";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateSwitch) == "1";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(RepositoryFiles.Baselines).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_its_baselines(string name)
    {
        var result = BaselineCase.Run(Path.Combine(RepositoryFiles.Baselines, name));
        Check(name, "diagnostics.txt", result.Diagnostics);
        Check(name, "symbols.txt", result.Symbols);
        Check(name, "formatted.mesa", result.Formatted);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Formatted_baseline_is_a_fixed_point(string name)
    {
        var formatted = Path.Combine(RepositoryFiles.Baselines, name, "formatted.mesa");
        if (!File.Exists(formatted))
        {
            return;
        }
        var text = File.ReadAllText(formatted);
        Assert.Equal(text, Formatter.Format(SyntaxTree.Parse(text)));
    }

    private static void Check(string name, string file, string actual)
    {
        var path = Path.Combine(RepositoryFiles.Baselines, name, file);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{name}/{file} is missing; run with {UpdateSwitch}=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(expected == actual,
            $"{name}/{file} differs from the baseline (run with {UpdateSwitch}=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}");
    }
}

/// <summary>Compiles a baseline folder's <c>input.mesa</c> with every <c>*.mesa</c> of the folder importable under <c>/ws</c>.</summary>
internal sealed record BaselineCase(Compilation Compilation, string Diagnostics, string Symbols, string Formatted)
{
    public static BaselineCase Run(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.mesa")
            .Where(f => Path.GetFileName(f) != "formatted.mesa")
            .ToDictionary(f => "/ws/" + Path.GetFileName(f), f => File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal));
        var tree = SyntaxTree.Parse(files["/ws/input.mesa"], "/ws/input.mesa");
        var compilation = Compilation.Create(tree, new CompilationOptions(Resolver: new InMemorySourceResolver(files)));
        return new BaselineCase(compilation, CompilationDump.Diagnostics(compilation), CompilationDump.Symbols(compilation), Formatter.Format(tree));
    }
}
