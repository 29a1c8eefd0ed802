using System.Diagnostics;
using System.Globalization;
using MesaSpec.Experiments.Training;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Runtime.Training;

// The engine's throughput figures (issue 3): environment simulation on one core, PPO training end to end.
// Run in Release: dotnet run -c Release --project bench/Engine -- [env|train|all] [--spec FILE] [--steps N]
// Prints one line per measurement; compare figures within one run, the machine is shared. Training is measured
// for every experiment of the spec (bench/Engine/models.mesa: one per model), the environment for the first.
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var specPath = Option("--spec") ?? Path.Combine(RepositoryRoot(), "examples", "cheese-in-the-corner.mesa");
var compilation = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(specPath), specPath));
var experiment = compilation.Plans.First().Points[0];
var training = (TrainedPolicy)experiment.Policy;
Console.WriteLine($"spec {Path.GetFileName(specPath)}: {training.Environment.Name} {training.Environment.Width}x{training.Environment.Height}, " +
                  $"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

if (mode is "env" or "all")
{
    foreach (var count in new[] { 64, 256, 1024, 4096 })
    {
        EnvironmentThroughput(training.Environment, experiment.BaseObjective, count, observe: false);
        EnvironmentThroughput(training.Environment, experiment.BaseObjective, count, observe: true);
    }
}
if (mode is "train" or "all")
{
    var steps = long.Parse(Option("--steps") ?? "100000", CultureInfo.InvariantCulture);
    foreach (var point in compilation.Plans.Select(plan => plan.Points[0]))
    {
        foreach (var threads in new[] { 1, 2 })
        {
            TrainingThroughput((TrainedPolicy)point.Policy, point.BaseObjective, steps, threads);
        }
    }
}
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
return;

void EnvironmentThroughput(EnvironmentModel environment, ObjectiveModel objective, int count, bool observe)
{
    var env = GridVectorEnvironment.ForTraining(environment, objective, count, seed: 1);
    var random = new RandomActions(7);
    var actions = new int[count];
    var rewards = new float[count];
    var dones = new bool[count];
    var truncated = new bool[count];
    var observation = new float[count * env.ObservationShape.Size];
    var stepsPerBatch = observe ? 200 : 2000;
    for (var i = 0; i < 50; i++) // warm-up: JIT, level caches and the environment's kept observations
    {
        random.Fill(actions);
        env.Step(actions, rewards, dones, truncated);
        if (observe)
        {
            env.Observe(observation);
        }
    }
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    long agentSteps = 0;
    while (clock.Elapsed.TotalSeconds < 2)
    {
        for (var i = 0; i < stepsPerBatch; i++)
        {
            random.Fill(actions);
            env.Step(actions, rewards, dones, truncated);
            if (observe)
            {
                env.Observe(observation);
            }
        }
        agentSteps += (long)stepsPerBatch * count;
    }
    var seconds = clock.Elapsed.TotalSeconds;
    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"env  {count,5} envs {(observe ? "step+observe" : "step only   ")}: {agentSteps / seconds / 1e6,7:0.00} M agent-steps/s on one core, {allocated / (double)agentSteps:0.000} B allocated per step"));
}

void TrainingThroughput(TrainedPolicy spec, ObjectiveModel objective, long steps, int threads)
{
    var shortened = spec with { Phases = spec.Phases.Select(p => p with { Algorithm = p.Algorithm.WithBudget(steps) }).ToList() };
    var clock = Stopwatch.StartNew();
    using var policy = new TorchTrainer().Train(shortened, objective, seed: 0,
        (e, o, n, s) => GridVectorEnvironment.ForTraining(e, o, n, s), new TrainingSettings(threads, "cpu", null), null, CancellationToken.None);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"train {spec.Model.Name} {spec.Algorithm.Name} {threads} thread(s): {steps / seconds,8:0} env-steps/s ({steps} steps in {seconds:0.0} s)"));
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MesaSpec.sln")))
    {
        directory = directory.Parent;
    }
    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
