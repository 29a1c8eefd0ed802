using BenchmarkDotNet.Attributes;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Benchmarks;

/// <summary>Parse + bind + every Language diagnostic (no simulation analyzers) of a generated 5,000-line spec.</summary>
[MemoryDiagnoser]
public class CompileBenchmark
{
    private string _text = "";

    [Params(5000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = GeneratedSpec.Create(Lines);
        var compilation = Compile();
        if (compilation.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException("the generated spec should check clean:\n" + string.Join("\n", compilation.Diagnostics.Take(10)));
        }
    }

    [Benchmark]
    public SyntaxTree Parse() => SyntaxTree.Parse(_text, "generated.mesa");

    [Benchmark]
    public Compilation ParseBindDiagnose() => Compile();

    private Compilation Compile() => Compilation.Create(SyntaxTree.Parse(_text, "generated.mesa"));
}
