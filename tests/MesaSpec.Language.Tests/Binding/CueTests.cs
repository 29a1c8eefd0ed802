using MesaSpec.Language.Binding;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Observation cues: <c>cue deployment</c>, inherited by <c>extends</c>, dropped by <c>cue none</c>.</summary>
public sealed class CueTests
{
    private const string Spec = """
        environment Training {
          grid 5 x 5
          item cheese
          cue training
        }

        environment Inherits extends Training {
          horizon 10
        }

        environment Deployment extends Training {
          cue deployment
        }

        environment Plain extends Training {
          cue none
        }
        """;

    [Fact]
    public void A_cue_is_inherited_replaced_or_dropped()
    {
        var compilation = Compilation.Create(SyntaxTree.Parse(Spec, "/ws/main.mesa"));
        Check.NoErrors(compilation);
        string? Cue(string name) => compilation.InstantiateEnvironment(compilation.Symbols.Lookup(name)!)!.Cue;
        Assert.Equal("training", Cue("Training"));
        Assert.Equal("training", Cue("Inherits"));
        Assert.Equal("deployment", Cue("Deployment"));
        Assert.Null(Cue("Plain"));
    }

    [Fact]
    public void A_cue_round_trips_through_the_formatter()
    {
        var formatted = Formatter.Format(Spec);
        Assert.Contains("  cue training\n", formatted, StringComparison.Ordinal);
        Assert.Contains("  cue none\n", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, Formatter.Format(formatted));
    }

    [Fact]
    public void Two_cues_in_one_environment_are_a_duplicate() =>
        Check.Diagnostics(Spec.Replace("  cue deployment\n", "  cue deployment\n  [|cue other|]\n"), DuplicateMember);

    [Fact]
    public void A_cue_needs_a_name() =>
        Check.Diagnostics(Spec.Replace("  cue deployment\n", "  cue [|4|]\n"), UnexpectedInput);
}
