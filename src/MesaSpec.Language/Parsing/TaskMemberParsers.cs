using MesaSpec.Language.Syntax;
using Pidgin;
using static MesaSpec.Language.Parsing.ExpressionParsers;
using static MesaSpec.Language.Parsing.Lexical;
using static MesaSpec.Language.Parsing.SpannedExtensions;
using static Pidgin.Parser;

namespace MesaSpec.Language.Parsing;

/// <summary>The members of a <c>task</c> declaration (in-context regression prompts): each is a keyword and a value.</summary>
internal static class TaskMemberParsers
{
    /// <summary>Every task member keyword, in the order the documentation lists them.</summary>
    public static readonly string[] Keywords = ["family", "dimension", "context", "noise", "inputs"];

    public const string TaskKeywords = "family, dimension, context, noise or inputs";

    private static (string, Parser<char, MemberSyntax>) Setting(string name) => (name, Spanned(
        Keyword(name).Then(Expression), (v, span) => (MemberSyntax)new TaskSettingMemberSyntax(name, v, span)));

    public static readonly Parser<char, MemberSyntax> TaskMember = Choice.ByKeyword([.. Keywords.Select(Setting)]);
}
