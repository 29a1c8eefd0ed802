using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.CompilerServices;
using MesaSpec.Language.Diagnostics;

namespace MesaSpec.Cli.Parsing;

/// <summary>
/// The kinds of option the verbs declare: whole numbers in a range, one word out of a list, free text, flags and
/// repeatable values. Each kind carries its own check and its own error wording, so a verb declares an option once
/// and parsing, help and shell completion all read that declaration.
/// </summary>
internal static class CliOptions
{
    private static readonly ConditionalWeakTable<Option, Func<string, Diagnostic>> Rejections = new();

    /// <summary>The diagnostic for a value a word option does not accept, or null for other options.</summary>
    public static Diagnostic? Rejection(Option option, string value) => Rejections.TryGetValue(option, out var reject) ? reject(value) : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; absent is null.</summary>
    public static Option<int?> WholeNumber(string name, int min, int max, string description, bool showMax = true) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            var style = showMax ? NumberStyles.Integer : NumberStyles.None;
            if (int.TryParse(text, style, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            result.AddError(showMax ? $"{name} takes a whole number from {min} to {max}, not '{text}'" : $"{name} takes a whole number from {min}, not '{text}'");
            return null;
        },
    };

    /// <summary>One of <paramref name="words"/>; <paramref name="reject"/> is the diagnostic for any other value.</summary>
    public static Option<string> Choice(string name, IReadOnlyList<string> words, string? defaultWord, string description,
        Func<string, Diagnostic> reject)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', words),
        };
        if (defaultWord is not null)
        {
            option.DefaultValueFactory = _ => defaultWord;
        }
        option.CompletionSources.Add([.. words]);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !words.Contains(result.Tokens[0].Value))
            {
                result.AddError(reject(result.Tokens[0].Value).Message);
            }
        });
        Rejections.Add(option, reject);
        return option;
    }

    public static Option<string?> Text(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
    };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>An option that may be given several times, each with one value, kept in order.</summary>
    public static Option<string[]> Repeatable(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Whether the option takes one value at most, so giving it twice is a mistake (MS0020).</summary>
    public static bool IsSingleValued(Option option) => option.Arity.MaximumNumberOfValues == 1;

    /// <summary>The positional paths of check, fmt and test: any number, default the current folder.</summary>
    public static Argument<string[]> Paths(string description) => new("paths")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "files or folders",
    };
}
