namespace MesaSpec.Language.Vocabulary;

/// <summary>How a task's weights turn an input into a target (<c>family</c>).</summary>
public enum TaskFamily
{
    /// <summary>y = w·x + noise: linear regression, the family of von Oswald et al. (2023).</summary>
    Linear,
    /// <summary>y = tanh(w·x) + noise: a nonlinear family, a shift no linear learner fits exactly.</summary>
    Tanh,
}

/// <summary>How a task draws its inputs (<c>inputs</c>); the scale is the argument.</summary>
public enum InputDistribution
{
    /// <summary>Each coordinate uniform on [-scale, scale] (the paper's inputs at scale 1).</summary>
    Uniform,
    /// <summary>Each coordinate normal with mean 0 and standard deviation scale.</summary>
    Gaussian,
}

/// <summary>The one table of task words (family and input distribution): binder, builder, completion and docs read it.</summary>
public static class TaskWords
{
    private static readonly (TaskFamily Family, string Word, string Doc)[] FamilyTable =
    [
        (TaskFamily.Linear, "linear", "y = w·x + noise, w ~ N(0, I): linear regression"),
        (TaskFamily.Tanh, "tanh", "y = tanh(w·x) + noise: a nonlinear task family"),
    ];

    private static readonly (InputDistribution Distribution, string Word, string Doc)[] InputTable =
    [
        (InputDistribution.Uniform, "uniform", "each coordinate uniform on [-scale, scale]"),
        (InputDistribution.Gaussian, "gaussian", "each coordinate normal, standard deviation scale"),
    ];

    public static IReadOnlyList<string> Families { get; } = FamilyTable.Select(f => f.Word).ToArray();

    public static IReadOnlyList<string> Inputs { get; } = InputTable.Select(i => i.Word).ToArray();

    public static TaskFamily? FindFamily(string word) => FamilyTable.FirstOrDefault(f => f.Word == word) is { Word: not null } f ? f.Family : null;

    public static InputDistribution? FindInputs(string word) => InputTable.FirstOrDefault(i => i.Word == word) is { Word: not null } i ? i.Distribution : null;

    public static string Word(TaskFamily family) => FamilyTable.First(f => f.Family == family).Word;

    public static string Word(InputDistribution inputs) => InputTable.First(i => i.Distribution == inputs).Word;

    public static string Doc(string word) =>
        FamilyTable.FirstOrDefault(f => f.Word == word).Doc ?? InputTable.FirstOrDefault(i => i.Word == word).Doc ?? "";
}
