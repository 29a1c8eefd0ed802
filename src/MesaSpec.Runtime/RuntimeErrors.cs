namespace MesaSpec.Runtime;

/// <summary>
/// Error codes of the Runtime phase (MS4xxx), carried at the start of <see cref="Experiments.Training.TrainingFailedException"/>
/// messages. Codes are never reused.
/// </summary>
public static class RuntimeErrors
{
    /// <summary>The model or algorithm named in the spec is not one the Runtime can build.</summary>
    public const string UnknownComponent = "MS4001";

    /// <summary>An argument has the wrong type for its parameter.</summary>
    public const string WrongArgumentType = Language.Catalogue.ComponentErrors.WrongArgumentType;

    /// <summary>An argument is outside the range its parameter accepts.</summary>
    public const string InvalidArgument = Language.Catalogue.ComponentErrors.InvalidArgument;

    /// <summary>The requested device (e.g. cuda) is not available.</summary>
    public const string DeviceUnavailable = "MS4004";

    /// <summary>The loss became NaN or infinite.</summary>
    public const string Diverged = "MS4005";

    /// <summary>A settings value (threads) is unusable.</summary>
    public const string InvalidSettings = "MS4006";
}
