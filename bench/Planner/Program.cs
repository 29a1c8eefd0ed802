using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Evaluation;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Gridworld.Planning;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;

// The exact planner's cost (issue 18): for every evaluation of the spec's first experiment, the time to plan its
// episodes as the evaluation does (EvaluationSetup: each level's optimum for the base objective and, per mesa
// objective, the lexicographic plan that finds conflict episodes), then the states of those plans.
// Run in Release: dotnet run -c Release --project bench/Planner -- [--spec FILE]... [--episodes N] [--repeat R] [--no-states]
// Compare figures within one run or alternating runs: the machine is shared.
var specs = Options("--spec").DefaultIfEmpty(Path.Combine(AppContext.BaseDirectory, "long-horizon-14x14.mesa")).ToList();
var episodes = Option("--episodes") is { } e ? int.Parse(e, CultureInfo.InvariantCulture) : (int?)null;
var repeat = Option("--repeat") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1;
var countStates = !args.Contains("--no-states"); // a profile of the evaluation's planning alone
Console.WriteLine($"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
foreach (var specPath in specs)
{
    var compilation = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(specPath), specPath));
    var point = compilation.Plans.First().Points[0];
    foreach (var evaluation in point.Evaluations)
    {
        var scaled = episodes is { } n ? evaluation with { Episodes = n } : evaluation;
        // Two episodes first, untimed: the timed rounds then measure compiled code, not the JIT.
        EvaluationSetup.Create(evaluation with { Episodes = Math.Min(2, scaled.Episodes) }, point.BaseObjective, point.MesaObjectives, seed: 1, point.Discount);
        for (var round = 0; round < repeat; round++)
        {
            // CPU time as well as wall time: on a shared machine the load stretches the wall clock, not the work.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var setup = EvaluationSetup.Create(scaled, point.BaseObjective, point.MesaObjectives, seed: 0, point.Discount);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(specPath)} {scaled.Environment.Name}: {setup.Episodes} episodes, {point.MesaObjectives.Count + 1} candidates, planned in {seconds:0.000} s (CPU {cpu:0.000} s), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
        if (countStates)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  states per level for the base objective: {States(scaled, point)}"));
        }
    }
}
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB, collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalSeconds:0.000} s");
return;

// The mean and largest state count of the levels' base-objective plans (planned again, outside the timing).
static string States(MesaSpec.Language.Model.EvaluationModel evaluation, MesaSpec.Language.Model.ExperimentModel point)
{
    var levels = EvaluationLevels.For(evaluation.Environment, evaluation.Episodes, 0).Levels;
    var planner = new EnvironmentPlanner(evaluation.Environment, levels[0].Items, discount: point.Discount);
    var counts = levels.Select(l => planner.Solve(l, point.BaseObjective, point.BaseObjective).StateCount).ToArray();
    return string.Create(CultureInfo.InvariantCulture, $"mean {counts.Average():N0}, max {counts.Max():N0}");
}

string? Option(string name) => Options(name).LastOrDefault();

IEnumerable<string> Options(string name)
{
    for (var i = 0; i + 1 < args.Length; i++)
    {
        if (args[i] == name)
        {
            yield return args[i + 1];
        }
    }
}
