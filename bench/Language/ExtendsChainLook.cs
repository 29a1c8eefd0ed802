using System.Diagnostics;
using System.Text;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Benchmarks;

/// <summary>
/// Issue 11, item 7: checking an <c>extends</c> chain of N environments took quadratic time (2,000: 6.7 s,
/// 4,000: 25.8 s). A stopwatch over parse + bind + diagnostics for chains of 1,000 to 8,000; linear
/// checking roughly doubles the time with each doubling of N.
/// </summary>
internal static class ExtendsChainLook
{
    public static void Run()
    {
        foreach (var length in new[] { 1000, 2000, 4000, 8000 })
        {
            var text = new StringBuilder("environment E0 {\n  grid 5 x 5\n}\n");
            for (var i = 1; i <= length; i++)
            {
                text.Append("environment E").Append(i).Append(" extends E").Append(i - 1).Append(" {\n  horizon 10\n}\n");
            }
            var source = text.ToString();
            var best = double.MaxValue;
            var diagnostics = 0;
            for (var round = 0; round < 4; round++)
            {
                var watch = Stopwatch.StartNew();
                var compilation = Compilation.Create(SyntaxTree.Parse(source, "chain.mesa"));
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                diagnostics = compilation.Diagnostics.Length;
            }
            Console.WriteLine($"extends chain {length,5}: {best,8:F1} ms (best of 4), {diagnostics} diagnostics");
        }
    }
}
