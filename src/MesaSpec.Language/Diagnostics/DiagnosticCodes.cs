namespace MesaSpec.Language.Diagnostics;

/// <summary>
/// Every diagnostic code, in one place so none is reused. docs/diagnostics.md describes each one
/// (a test checks that every code here is documented there).
/// </summary>
public static partial class DiagnosticCodes
{
    // MS0xxx: input (files, encodings, sizes)
    public const string InvalidUsage = "MS0001";
    public const string FileNotFound = "MS0002";
    public const string NoSpecsFound = "MS0003";
    public const string InvalidEncoding = "MS0004";
    public const string BinaryFile = "MS0005";
    public const string FileTooLarge = "MS0006";
    public const string FileUnreadable = "MS0007";
    public const string NotARegularFile = "MS0008";
    public const string FileNotWritten = "MS0009";

    // MS01xx: distributed runs (worker processes, Slurm)
    public const string ClusterSubmissionFailed = "MS0101";
    public const string UnknownClusterRun = "MS0102";
    public const string RunFolderUnusable = "MS0103";

    // MS02xx: the workspace manifest and its plugins
    public const string ManifestInvalid = "MS0201";
    public const string PluginNotFound = "MS0202";
    public const string PluginFailed = "MS0203";
    public const string PluginComponentUnpaired = "MS0204";

    // MS1xxx: syntax
    public const string UnexpectedInput = "MS1001";
    public const string MissingCloseBrace = "MS1002";
    public const string UnterminatedComment = "MS1003";
    public const string UnterminatedString = "MS1004";
    public const string NestingTooDeep = "MS1005";
    public const string TooManyErrors = "MS1006";
    public const string ExceptChainTooLong = "MS1007";
    public const string UnusualLineBreak = "MS1008";
    public const string EmptyFile = "MS1009";

    // MS2xxx: names and types
    public const string UnknownName = "MS2001";
    public const string DuplicateDeclaration = "MS2002";
    public const string UnknownArgument = "MS2003";
    public const string TypeMismatch = "MS2004";
    public const string UnknownComponent = "MS2005";
    public const string MissingMember = "MS2006";
    public const string DuplicateMember = "MS2007";
    public const string ExtendsCycle = "MS2008";
    public const string ImportNotFound = "MS2009";
    public const string ImportCycle = "MS2010";
    public const string ImportOutsideWorkspace = "MS2011";
    public const string RegionOutsideGrid = "MS2012";
    public const string UnknownItemKind = "MS2013";
    public const string UnusedDeclaration = "MS2014";
    public const string UnknownWord = "MS2015";
    public const string WrongArgumentCount = "MS2016";
    public const string ValueOutOfRange = "MS2017";
    public const string DuplicateArgument = "MS2018";
    public const string LayoutProblem = "MS2019";
    public const string WrongDeclarationKind = "MS2020";
    public const string MissingArgument = "MS2021";
    public const string ExtendsChainTooLong = "MS2022";
    public const string ImportUnreadable = "MS2023";
    public const string ImportPathInvalid = "MS2024";

    // MS3xxx: experiment design
    public const string ObjectiveNotIdentifiable = "MS3001";
    public const string NoDistributionalShift = "MS3002";
    public const string TargetNeverSpawns = "MS3003";
    public const string SpawnRegionTooSmall = "MS3004";
    public const string ExpectationOnUnevaluatedEnvironment = "MS3005";
    public const string ProxyNotAMesaObjective = "MS3006";
    public const string MetricObjectiveNotACandidate = "MS3007";
    public const string SweepExpectationWithoutSweep = "MS3008";
    public const string PolicySourceMissing = "MS3009";
    public const string SweepParameterUnknown = "MS3010";
    public const string NoMesaObjective = "MS3011";
    public const string BudgetTooLarge = "MS3012";
    public const string LevelsCannotBeGenerated = "MS3013";
    public const string PlannerLimitExceeded = "MS3014";
    public const string PlannerStatesOverCap = "MS3015";
    public const string ModelDoesNotFitEnvironment = "MS3020";
    public const string TargetLooksLikeAnotherItem = "MS3021";
    public const string ModelTooLarge = "MS3022";

    /// <summary>All codes, for documentation tests and tooling.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(DiagnosticCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();
}
