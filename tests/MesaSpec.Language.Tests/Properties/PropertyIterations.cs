namespace MesaSpec.Language.Tests.Properties;

/// <summary>
/// Iterations per property test. The default keeps the suite fast; set <c>MESASPEC_PROPERTY_SCALE=20</c>
/// to search longer (e.g. after changing the parser). A failure prints a CsCheck seed to replay it.
/// </summary>
internal static class PropertyIterations
{
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("MESASPEC_PROPERTY_SCALE"), out var s) && s > 0 ? s : 1;

    public static int Of(int baseline) => baseline * Scale;
}
