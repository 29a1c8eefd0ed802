using MesaSpec.Experiments.Reports;

namespace MesaSpec.Experiments.InContext;

/// <summary>What one seed of an experiment on a task produced: per evaluation task its prompts' rows (<see cref="PromptMeasurement"/>), per reference learner its fitted learning rate, and how it trained.</summary>
public sealed record TaskSeedRows(int Seed, IReadOnlyList<IReadOnlyList<double[]>> Evaluations, IReadOnlyList<double?> LearningRates, TrainingReport? Training);
