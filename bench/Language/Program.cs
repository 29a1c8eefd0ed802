using BenchmarkDotNet.Running;

namespace MesaSpec.Language.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Language</c> (add <c>-- --filter *</c> to skip the menu).
/// <c>-- --once</c> compiles the spec a few times with a stopwatch, for a quick look while profiling;
/// <c>-- --extends</c> times long <c>extends</c> chains.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--once"))
        {
            QuickLook.Run();
            return;
        }
        if (args.Contains("--extends"))
        {
            ExtendsChainLook.Run();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
