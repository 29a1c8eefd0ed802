using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Issue 11, item 8: specs that passed check and failed only when run.</summary>
public sealed class RunTimeFailureChecksTests
{
    [Theory]
    [InlineData("[0]", "0")]
    [InlineData("[-1]", "-1")]
    [InlineData("[100000, 100000]", "100000")]
    public void Mlp_layer_widths_are_range_checked(string hidden, string shown)
    {
        var spec = Specs.WithExperiment().Replace("with mlp using", $"with mlp(hidden: [|{hidden}|]) using", StringComparison.Ordinal);
        var diagnostic = Check.Single(Check.Diagnostics(spec, ValueOutOfRange), ValueOutOfRange);
        Assert.Equal($"'hidden' must be between 1 and 65536, but is {shown}", diagnostic.Message);
    }

    [Fact]
    public void Cnn_channels_are_range_checked() =>
        Check.Diagnostics(Specs.WithExperiment().Replace("with mlp using", "with cnn(channels: [|[0, 8]|]) using", StringComparison.Ordinal), ValueOutOfRange);

    [Fact]
    public void A_reward_too_large_to_represent_is_an_error() =>
        Assert.Contains("the reward must be a finite number", Check.Single(Check.Diagnostics(Specs.WithExperiment().Replace("reward +10 when agent reaches cheese", "reward [|1e309|] when agent reaches cheese", StringComparison.Ordinal), ValueOutOfRange), ValueOutOfRange).Message, StringComparison.Ordinal);

    [Fact]
    public void A_target_with_count_0_never_spawns()
    {
        var spec = Specs.WithExperiment()
            .Replace("item cheese spawn corner(top_right, corner)", "item cheese spawn corner(top_right, corner) count 0", StringComparison.Ordinal)
            .Replace("item cheese spawn anywhere", "item cheese spawn anywhere count 0", StringComparison.Ordinal);
        var compilation = Compilation.Create(SyntaxTree.Parse(spec, "/ws/main.mesa"));
        var warnings = compilation.Diagnostics.Where(d => d.Code == TargetNeverSpawns).ToList();
        Assert.Equal(4, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("(its count is 0)", w.Message, StringComparison.Ordinal));
    }
}

/// <summary>Issue 11, item 8: hidden: [100000, 100000] failed at run time allocating 40 GB, with a stack trace.</summary>
public sealed class ModelMemoryCheckTests
{
    [Fact]
    public void A_model_whose_training_state_cannot_fit_in_memory_is_refused_with_the_estimate()
    {
        // Enough 65,536-wide layers to need twice this machine's memory, whatever the machine.
        var available = (double)GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var layers = (int)Math.Ceiling(2 * available / (65536.0 * 65536 * DesignChecks.TrainingBytesPerParameter)) + 1;
        var hidden = string.Join(", ", Enumerable.Repeat("65536", layers));
        var spec = Specs.WithExperiment().Replace("with mlp using", $"with [|mlp(hidden: [{hidden}])|] using", StringComparison.Ordinal);
        var diagnostic = Check.Single(Check.Diagnostics(spec, ModelTooLarge), ModelTooLarge);
        Assert.Contains("GB (weights, gradients and Adam's moments), more than the", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_memory_is_counted_too()
    {
        // 34 billion parameters in the cell's gates: 550 GB of training state.
        var spec = Specs.WithExperiment().Replace("with mlp using", "with [|lstm(hidden: [65536], size: 65536)|] using", StringComparison.Ordinal);
        Check.Single(Check.Diagnostics(spec, ModelTooLarge), ModelTooLarge);
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("conv_lstm")]
    [InlineData("lstm(hidden: [256], size: 256)")]
    public void Ordinary_models_with_memory_pass(string model) =>
        Assert.DoesNotContain(Compilation.Create(SyntaxTree.Parse(Specs.WithExperiment().Replace("with mlp using", $"with {model} using", StringComparison.Ordinal), "/ws/main.mesa")).Diagnostics,
            d => d.Code == ModelTooLarge);

    [Fact]
    public void Ordinary_models_pass() =>
        Assert.DoesNotContain(Compilation.Create(SyntaxTree.Parse(Specs.WithExperiment().Replace("with mlp using", "with mlp(hidden: [256, 256]) using", StringComparison.Ordinal), "/ws/main.mesa")).Diagnostics,
            d => d.Code == ModelTooLarge);
}
