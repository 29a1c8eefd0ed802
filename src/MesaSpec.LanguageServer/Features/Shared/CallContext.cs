using MesaSpec.Language.Text;

namespace MesaSpec.LanguageServer.Features.Shared;

/// <summary>
/// The call whose parentheses enclose the cursor, read from the raw text so it works while the user is typing
/// (when the half-written call does not parse yet): its name, the index of the argument under the cursor, the
/// argument names already written, and the name of the current argument when it is <c>name: ...</c>.
/// </summary>
public sealed record CallContext(string Name, TextSpan NameSpan, int ArgumentIndex, IReadOnlyList<string> NamedArguments, string? CurrentArgumentName, bool InArgumentValue)
{
    private const int MaxLookBehind = 2000;

    public static CallContext? Find(SourceText text, int offset)
    {
        var s = text.Text;
        var depth = 0;
        var limit = Math.Max(0, offset - MaxLookBehind);
        for (var i = Math.Min(offset, s.Length) - 1; i >= limit; i--)
        {
            var c = s[i];
            if (c is ')' or ']')
            {
                depth++;
            }
            else if (c == '[' && depth > 0)
            {
                depth--;
            }
            else if (c == '(')
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }
                var nameEnd = i;
                var nameStart = nameEnd;
                while (nameStart > 0 && Words.IsWordChar(s[nameStart - 1]))
                {
                    nameStart--;
                }
                if (nameStart == nameEnd)
                {
                    return null;
                }
                return Describe(s, nameStart, nameEnd, i + 1, offset);
            }
            else if (c is '{' or '}' || (c == '[' && depth == 0))
            {
                return null;
            }
        }
        return null;
    }

    private static CallContext Describe(string s, int nameStart, int nameEnd, int argumentsStart, int offset)
    {
        var arguments = new List<string>();
        var index = 0;
        var depth = 0;
        var segmentStart = argumentsStart;
        for (var i = argumentsStart; i < offset; i++)
        {
            switch (s[i])
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    if (NamedArgument(s[segmentStart..i]) is { } name)
                    {
                        arguments.Add(name);
                    }
                    index++;
                    segmentStart = i + 1;
                    break;
            }
        }
        var current = s[segmentStart..offset];
        var currentName = NamedArgument(current);
        return new CallContext(s[nameStart..nameEnd], TextSpan.FromBounds(nameStart, nameEnd), index, arguments, currentName, current.Contains(':', StringComparison.Ordinal));
    }

    private static string? NamedArgument(string segment)
    {
        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }
        var name = segment[..colon].Trim();
        return name.Length > 0 && name.All(Words.IsWordChar) ? name : null;
    }
}
