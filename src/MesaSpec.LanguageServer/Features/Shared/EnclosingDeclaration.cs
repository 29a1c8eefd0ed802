using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;

namespace MesaSpec.LanguageServer.Features.Shared;

/// <summary>
/// The declaration whose braces enclose an offset, read from the raw text (comments and strings skipped), so
/// completion can answer from the current text while the analysis of that text is still being computed.
/// </summary>
public static class EnclosingDeclaration
{
    public static (DeclarationKind Kind, string Name)? Find(SourceText text, int offset)
    {
        var s = text.Text;
        var end = Math.Min(offset, s.Length);
        var depth = 0;
        (DeclarationKind Kind, string Name)? header = null;
        (DeclarationKind Kind, string Name)? open = null;
        var expectName = false;
        for (var i = 0; i < end; i++)
        {
            var c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < end && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? end : close + 1;
            }
            else if (c == '"')
            {
                for (i++; i < end && s[i] != '"' && s[i] != '\n'; i++)
                {
                    if (s[i] == '\\')
                    {
                        i++;
                    }
                }
            }
            else if (c == '{')
            {
                if (depth == 0)
                {
                    open = header;
                }
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
                if (depth == 0)
                {
                    open = null;
                }
            }
            else if (depth == 0 && Words.IsWordChar(c) && (i == 0 || !Words.IsWordChar(s[i - 1])))
            {
                var wordEnd = i;
                while (wordEnd < s.Length && Words.IsWordChar(s[wordEnd]))
                {
                    wordEnd++;
                }
                var word = s[i..wordEnd];
                if (expectName)
                {
                    header = (header!.Value.Kind, word);
                    expectName = false;
                }
                else if (word is "environment" or "objective" or "experiment" or "task")
                {
                    header = (Enum.Parse<DeclarationKind>(word, ignoreCase: true), "");
                    expectName = true;
                }
                i = wordEnd - 1;
            }
        }
        return depth > 0 ? open : null;
    }
}
