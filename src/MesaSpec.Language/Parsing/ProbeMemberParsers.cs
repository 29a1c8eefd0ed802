using MesaSpec.Language.Syntax;
using Pidgin;
using static MesaSpec.Language.Parsing.ExpressionParsers;
using static MesaSpec.Language.Parsing.Lexical;
using static MesaSpec.Language.Parsing.SpannedExtensions;
using static Pidgin.Parser;

namespace MesaSpec.Language.Parsing;

/// <summary>The experiment members about representations: <c>probe NAME: FEATURE(...) at layer K</c> and <c>steer NAME by S</c>.</summary>
internal static class ProbeMemberParsers
{
    public static readonly Parser<char, MemberSyntax> Probe = Spanned(
        Keyword("probe").Then(Identifier).Before(Symbol(':')).Then(Expression, (name, feature) => (name, feature))
            .Then(Keyword("at").Then(Identifier.Label("what to read (layer)")).Then(Expression.Optional(), (layer, index) => (layer, index)),
                (nf, at) => (nf.name, nf.feature, at.layer, at.index)),
        (v, span) => (MemberSyntax)new ProbeMemberSyntax(v.name, v.feature, v.layer, v.index.HasValue ? v.index.Value : null, span));

    public static readonly Parser<char, MemberSyntax> Steer = Spanned(
        Keyword("steer").Then(Identifier).Before(Keyword("by")).Then(Expression, (probe, scale) => (probe, scale)),
        (v, span) => (MemberSyntax)new SteerMemberSyntax(v.probe, v.scale, span));
}
