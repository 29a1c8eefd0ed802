using System.CommandLine;
using System.CommandLine.Parsing;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Parsing;

/// <summary>
/// What is wrong with a parsed command line, as MesaSpec diagnostics: a single-value option given twice (MS0020),
/// a value an option rejects (its own code, else MS0001), an unknown verb or option, a missing value (MS0001).
/// System.CommandLine takes an unknown <c>--option</c> for a path where a verb takes paths; here it is an error, as
/// it always was. Tokens after <c>--</c> are paths whatever they look like.
/// </summary>
internal static class ParseProblems
{
    public static IReadOnlyList<Diagnostic> Of(ParseResult parsed)
    {
        var problems = new List<Diagnostic>();
        var tokens = parsed.Tokens;
        var doubleDash = IndexOf(tokens, t => t.Type == TokenType.DoubleDash);
        var command = parsed.CommandResult;

        var repeated = new HashSet<Option>();
        foreach (var option in command.Children.OfType<OptionResult>().Select(o => o.Option).Where(CliOptions.IsSingleValued))
        {
            var names = option.Aliases.Append(option.Name).ToHashSet(StringComparer.Ordinal);
            if (tokens.Take(doubleDash).Count(t => t.Type == TokenType.Option && names.Contains(t.Value)) > 1)
            {
                repeated.Add(option);
                problems.Add(DiagnosticCatalog.OptionRepeated(option.Name));
            }
        }

        foreach (var argument in command.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                var index = IndexOf(tokens, t => ReferenceEquals(t, token));
                if (index < doubleDash && LooksLikeOption(token.Value))
                {
                    problems.Add(DiagnosticCatalog.InvalidUsage($"unknown option '{token.Value}'"));
                }
            }
        }

        foreach (var error in parsed.Errors)
        {
            if (error.SymbolResult is OptionResult { Option: var option } && repeated.Contains(option))
            {
                continue;
            }
            problems.Add(Describe(error, parsed));
        }
        return problems.DistinctBy(p => (p.Code, p.Message)).ToList();
    }

    private static Diagnostic Describe(ParseError error, ParseResult parsed)
    {
        if (error.SymbolResult is OptionResult { Option: var option, Tokens: [var value] } && CliOptions.Rejection(option, value.Value) is { } rejected)
        {
            return rejected;
        }
        if (error.SymbolResult is OptionResult { Option: var needy } && needy.Arity.MinimumNumberOfValues > 0
            && ((OptionResult)error.SymbolResult).Tokens.Count == 0)
        {
            return DiagnosticCatalog.InvalidUsage($"option '{needy.Name}' needs a value");
        }
        if (error.SymbolResult is CommandResult commandResult && parsed.UnmatchedTokens.Count > 0)
        {
            var first = parsed.UnmatchedTokens[0];
            return DiagnosticCatalog.InvalidUsage(
                LooksLikeOption(first) ? $"unknown option '{first}'"
                : commandResult.Command is RootCommand ? $"unknown command '{first}'"
                : $"unexpected argument '{first}'");
        }
        return DiagnosticCatalog.InvalidUsage(error.Message);
    }

    private static bool LooksLikeOption(string text) => text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2;

    private static int IndexOf(IReadOnlyList<Token> tokens, Func<Token, bool> match)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (match(tokens[i]))
            {
                return i;
            }
        }
        return tokens.Count;
    }
}
