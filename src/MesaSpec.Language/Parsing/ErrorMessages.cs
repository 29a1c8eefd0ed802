using System.Text;
using Pidgin;

namespace MesaSpec.Language.Parsing;

/// <summary>Turns a Pidgin error into a message written for a person: "expected X or Y, found 'z'".</summary>
internal static class ErrorMessages
{
    public static string Describe(ParseError<char> error, string foundToken)
    {
        var expected = (error.Expected ?? [])
            .Select(Describe)
            .Where(s => s.Length > 0)
            .Distinct()
            .ToList();
        var found = error.EOF ? "the end of the file"
            : foundToken.Length > 1 ? $"'{foundToken}'"
            : error.Unexpected.HasValue ? DescribeChar(error.Unexpected.Value)
            : "something else";
        var builder = new StringBuilder();
        if (expected.Count > 0)
        {
            builder.Append("expected ");
            builder.Append(expected.Count switch
            {
                1 => expected[0],
                _ => string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[^1],
            });
            builder.Append(", found ");
            builder.Append(found);
        }
        else
        {
            builder.Append("unexpected ").Append(found);
        }
        if (!string.IsNullOrEmpty(error.Message))
        {
            builder.Append(" (").Append(error.Message).Append(')');
        }
        return builder.ToString();
    }

    private static string Describe(Expected<char> expected)
    {
        if (expected.Label is { } label)
        {
            return label;
        }
        return expected.Tokens.IsDefaultOrEmpty ? "" : $"'{new string(expected.Tokens.AsSpan())}'";
    }

    private static string DescribeChar(char c) => c switch
    {
        '\n' => "the end of the line",
        '\t' => "a tab",
        _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };
}
