using System.Diagnostics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Benchmarks;

/// <summary>A stopwatch run (no statistics) for profiling sessions: time and allocation of each phase.</summary>
internal static class QuickLook
{
    public static void Run()
    {
        var text = GeneratedSpec.Create(5000);
        Console.WriteLine($"{text.Count(c => c == '\n')} lines, {text.Length / 1024} KB");
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("QUICKLOOK_ROUNDS"), out var r) ? r : 8;
        var best = (Parse: double.MaxValue, Total: double.MaxValue, ParseWall: double.MaxValue, TotalWall: double.MaxValue);
        for (var round = 0; round < rounds; round++)
        {
            var cpu = ThreadCpuClock.Now();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var tree = SyntaxTree.Parse(text, "generated.mesa");
            var parsed = watch.Elapsed;
            var parseCpu = ThreadCpuClock.Now() - cpu;
            var parseAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var compilation = Compilation.Create(tree);
            var total = watch.Elapsed;
            var totalAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            // CPU time as well as wall time: on a loaded machine the wall clock mostly measures waiting.
            var cpuTime = ThreadCpuClock.Now() - cpu;
            if (round > 0)
            {
                best = (Math.Min(best.Parse, parseCpu?.TotalMilliseconds ?? double.MaxValue), Math.Min(best.Total, cpuTime?.TotalMilliseconds ?? double.MaxValue),
                    Math.Min(best.ParseWall, parsed.TotalMilliseconds), Math.Min(best.TotalWall, total.TotalMilliseconds));
            }
            Console.WriteLine($"parse {parsed.TotalMilliseconds,6:F1} ms wall {parseCpu?.TotalMilliseconds,6:F1} ms cpu {parseAllocated / 1e6,5:F1} MB | parse+bind+diagnostics {total.TotalMilliseconds,6:F1} ms wall {cpuTime?.TotalMilliseconds,6:F1} ms cpu {totalAllocated / 1e6,5:F1} MB | {compilation.Diagnostics.Length} diagnostics");
        }
        Console.WriteLine($"best of {rounds - 1} (first round excluded): parse {best.ParseWall:F1} ms wall / {best.Parse:F1} ms cpu; parse+bind+diagnostics {best.TotalWall:F1} ms wall / {best.Total:F1} ms cpu");
    }
}
