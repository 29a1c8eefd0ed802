using System.Text;
using CsCheck;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Formatting;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;

namespace MesaSpec.Language.Tests.Properties;

/// <summary>
/// Issue 11, item 1: every construct that chains (spawn and event regions with <c>except</c>,
/// <c>extends</c>, brackets in regions, lists) is read, bound and formatted without exhausting the stack
/// at any length; past its limit it gets its coded diagnostic instead. A stack overflow cannot be
/// caught, so a regression here kills the test host, which fails the run.
/// </summary>
public sealed class LongChainPropertyTests
{
    public enum Chain { SpawnExcept, TargetExcept, ParenthesisedExcept, Extends, NestedList, Arithmetic, ParenthesisedArithmetic, Negations }

    private static readonly Gen<(Chain Kind, int Length)> Chains =
        Gen.Select(Gen.Enum<Chain>(), Gen.OneOf(Gen.Int[1, 100], Gen.Int[1, 20_000]));

    [Fact]
    public void Long_chains_of_every_recursive_construct_are_checked_without_a_crash() =>
        Chains.Sample(chain =>
        {
            var text = Spec(chain.Kind, chain.Length);
            var tree = SyntaxTree.Parse(text, "/ws/main.mesa");
            var compilation = Compile(tree);
            Formatter.Format(tree);
            var expected = ExpectedCode(chain.Kind, chain.Length);
            if (expected is not null)
            {
                Assert.Contains(compilation.Diagnostics, d => d.Code == expected);
            }
        }, iter: PropertyIterations.Of(60), threads: 1);

    [Theory]
    [InlineData(Chain.SpawnExcept, 10_000)]
    [InlineData(Chain.TargetExcept, 10_000)]
    [InlineData(Chain.Extends, 10_000)]
    [InlineData(Chain.Arithmetic, 10_000)]
    [InlineData(Chain.Negations, 10_000)]
    public void The_chains_from_the_issue_get_their_code(Chain kind, int length)
    {
        var compilation = Compile(SyntaxTree.Parse(Spec(kind, length), "/ws/main.mesa"));
        Assert.Contains(compilation.Diagnostics, d => d.Code == ExpectedCode(kind, length));
    }

    [Fact]
    public void An_extends_chain_at_the_limit_is_accepted()
    {
        var compilation = Compile(SyntaxTree.Parse(Spec(Chain.Extends, DeclarationBinder.MaxExtendsDepth), "/ws/main.mesa"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == DiagnosticCodes.ExtendsChainTooLong);
    }

    private static string? ExpectedCode(Chain kind, int length) => kind switch
    {
        Chain.SpawnExcept or Chain.TargetExcept when length > 64 => DiagnosticCodes.ExceptChainTooLong,
        Chain.ParenthesisedExcept when length > 64 => DiagnosticCodes.NestingTooDeep,
        Chain.NestedList when length > 64 => DiagnosticCodes.NestingTooDeep,
        Chain.Arithmetic when length > 64 => DiagnosticCodes.ArithmeticTooLong,
        Chain.ParenthesisedArithmetic when length > 64 => DiagnosticCodes.NestingTooDeep,
        // '- - x' is not a value: a negation takes no second sign.
        Chain.Negations when length > 1 => DiagnosticCodes.UnexpectedInput,
        Chain.Extends when length > DeclarationBinder.MaxExtendsDepth => DiagnosticCodes.ExtendsChainTooLong,
        _ => null,
    };

    private static Compilation Compile(SyntaxTree tree) =>
        Compilation.Create(tree, new CompilationOptions(Resolver: new InMemorySourceResolver(new Dictionary<string, string> { ["/ws/main.mesa"] = tree.Text.Text })));

    private static string Spec(Chain kind, int length)
    {
        var text = new StringBuilder();
        switch (kind)
        {
            case Chain.SpawnExcept:
                text.Append("environment A {\n  grid 5 x 5\n  agent spawn anywhere");
                text.Insert(text.Length, " except cell(0,0)", length);
                text.Append("\n}\n");
                break;
            case Chain.TargetExcept:
                text.Append("objective O {\n  reward +1 when agent reaches anywhere");
                text.Insert(text.Length, " except cell(0,0)", length);
                text.Append("\n}\n");
                break;
            case Chain.ParenthesisedExcept:
                text.Append("environment A {\n  grid 5 x 5\n  agent spawn ");
                text.Insert(text.Length, "(anywhere except ", length);
                text.Append("cell(0,0)").Append(')', length).Append("\n}\n");
                break;
            case Chain.Extends:
                text.Append("environment E0 {\n  grid 5 x 5\n}\n");
                for (var i = 1; i <= length; i++)
                {
                    text.Append("environment E").Append(i).Append(" extends E").Append(i - 1).Append(" {\n  horizon 10\n}\n");
                }
                break;
            case Chain.Arithmetic:
                text.Append("environment A {\n  grid 5 x 5\n  horizon 1").Insert(text.Length, " + 1", length).Append("\n}\n");
                break;
            case Chain.ParenthesisedArithmetic:
                text.Append("environment A {\n  grid 5 x 5\n  horizon ").Append('(', length).Append('1').Insert(text.Length, " + 1)", length).Append("\n}\n");
                break;
            case Chain.Negations:
                text.Append("environment A {\n  grid 5 x 5\n  horizon ").Insert(text.Length, "- ", length).Append("x\n}\n");
                break;
            case Chain.NestedList:
                text.Append("environment A {\n  grid 5 x 5\n  walls maze(x: ").Append('[', length).Append('1').Append(']', length).Append(")\n}\n");
                break;
        }
        return text.ToString();
    }
}
