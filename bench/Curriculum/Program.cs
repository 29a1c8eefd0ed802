using System.Diagnostics;
using System.Globalization;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Gridworld.Levels;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

// The curriculum's overhead per level (issue 14): the time to hand out one training level by domain randomisation
// (generation only) and by planner-regret PLR (generation, the exact planner's optimal return for every fresh
// level, the buffer's bookkeeping), then the vector environment's steps per second with and without it.
// Run in Release: dotnet run -c Release --project bench/Curriculum -- [--spec FILE ...] [--levels N]
// Each spec's first trained experiment is measured on its first phase's distribution, with its own curriculum or
// plr's defaults. Prints one line per measurement; compare figures within one run, the machine is shared.
var specs = Options("--spec").DefaultIfEmpty(Path.Combine(RepositoryRoot(), "examples", "curriculum.mesa")).ToList();
var levels = int.Parse(Option("--levels") ?? "20000", CultureInfo.InvariantCulture);
Console.WriteLine($"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {levels} levels per measurement");
foreach (var path in specs)
{
    var compilation = Compilation.Create(SyntaxTree.Parse(File.ReadAllText(path), path));
    var point = compilation.Plans.SelectMany(p => p.Points).First(p => p.Policy is TrainedPolicy);
    var phase = ((TrainedPolicy)point.Policy).Phases[0];
    var objective = phase.Objective ?? point.BaseObjective;
    var curriculum = phase.Distribution.Curriculum
        ?? new CurriculumModel(Defaults(BuiltinComponents.Plr), phase.Algorithm.Discount ?? ExperimentModel.DefaultDiscount);
    var plain = phase.Distribution with { Curriculum = null };
    Console.WriteLine($"{Path.GetFileName(path)}: {plain.DisplayName}, {plain.Components[0].Environment.Width}x{plain.Components[0].Environment.Height}, objective {objective.Name}");
    var domain = PerLevel("domain randomisation     ", plain, objective);
    var everyLevel = PerLevel("plr, replay 0 (all fresh)", plain with { Curriculum = With(curriculum, "replay", 0.0) }, objective);
    // The spec's replay rate (its first sweep point may be 0, the domain-randomisation control): PLR's 0.5 then.
    var replay = curriculum.Component.Float("replay") is > 0 and var r ? r : 0.5;
    curriculum = With(curriculum, "replay", replay);
    var replaying = PerLevel(string.Create(CultureInfo.InvariantCulture, $"plr, replay {replay:0.##}            "), plain with { Curriculum = curriculum }, objective);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  overhead per level: {everyLevel - domain:0.0} us planning every level, {replaying - domain:0.0} us at the curriculum's replay rate"));
    var stepsPlain = StepsPerSecond(plain, objective);
    var stepsPlr = StepsPerSecond(plain with { Curriculum = curriculum }, objective);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  32 envs, random actions: {stepsPlain / 1e6:0.00} M steps/s domain randomisation, {stepsPlr / 1e6:0.00} M steps/s plr ({(1 - stepsPlr / stepsPlain) * 100:0}% slower)"));
}
return;

// Microseconds per level handed out: each a one-step episode that earns nothing (so its regret is the optimum).
double PerLevel(string label, TrainingDistribution distribution, ObjectiveModel objective)
{
    var source = GridVectorEnvironment.ForTraining(distribution, objective, count: 1, seed: 1).LevelSource;
    var feedback = source as IEpisodeFeedback;
    void Hand(long serial)
    {
        source.LevelFor(serial, 0);
        feedback?.Rewarded(0, 0, 0);
        feedback?.EpisodeEnded(0);
    }
    for (var s = 0; s < 500; s++)
    {
        Hand(1_000_000 + s); // warm-up: JIT, planner buffers
    }
    var clock = Stopwatch.StartNew();
    for (var s = 0; s < levels; s++)
    {
        Hand(s);
    }
    var microseconds = clock.Elapsed.TotalMicroseconds / levels;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: {microseconds,8:0.0} us per level"));
    return microseconds;
}

double StepsPerSecond(TrainingDistribution distribution, ObjectiveModel objective)
{
    const int count = 32;
    var environment = GridVectorEnvironment.ForTraining(distribution, objective, count, seed: 1);
    var random = new Random(7);
    var actions = new int[count];
    var (rewards, dones, truncated) = (new float[count], new bool[count], new bool[count]);
    var observation = new float[count * environment.ObservationShape.Size];
    long steps = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < 3)
    {
        for (var e = 0; e < count; e++)
        {
            actions[e] = random.Next(4);
        }
        environment.Step(actions, rewards, dones, truncated);
        environment.Observe(observation);
        steps += count;
    }
    return steps / clock.Elapsed.TotalSeconds;
}

static ComponentModel Defaults(ComponentDescriptor descriptor) =>
    new(descriptor.Name, descriptor.Parameters.ToDictionary(p => p.Name, p => p.Default!.Value)) { Descriptor = descriptor };

static CurriculumModel With(CurriculumModel curriculum, string name, double value) => curriculum with
{
    Component = curriculum.Component with { Arguments = new Dictionary<string, Value>(curriculum.Component.Arguments) { [name] = new(value) } },
};

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

string? Option(string name) => Options(name).Cast<string?>().FirstOrDefault();

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MesaSpec.sln")))
    {
        directory = directory.Parent;
    }
    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
