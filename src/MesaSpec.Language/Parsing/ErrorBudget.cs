using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using Pidgin;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Caps error recovery. Every recovery costs Pidgin an error report whose price grows with the offset,
/// so a 4 MB file of garbage recovered line by line took minutes. Past <see cref="Limit"/> recoveries
/// (more than are ever shown, see <see cref="SyntaxTree.MaxSyntaxErrors"/>) the rest of the file is
/// skipped as one error. The count is per parse, on the parsing thread.
/// </summary>
internal static class ErrorBudget
{
    public const int Limit = SyntaxTree.MaxSyntaxErrors + 1;

    public const string SkippedMessage = "too many syntax errors; the rest of the file was not parsed";

    [ThreadStatic]
    private static int t_spent;

    public static void Reset() => t_spent = 0;

    /// <summary>Counts one recovery; returns <paramref name="node"/> so it reads inline in a parser.</summary>
    public static T Spent<T>(T node)
    {
        t_spent++;
        return node;
    }

    public static bool Exhausted => t_spent >= Limit;

    /// <summary>Once the budget is spent: consumes the rest of the input as one error node. Before: fails without consuming.</summary>
    public static readonly Parser<char, TextSpan> RestOfFile = new RestOfFileParser();

    private sealed class RestOfFileParser : Parser<char, TextSpan>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out TextSpan result)
        {
            if (!Exhausted)
            {
                result = default;
                return false;
            }
            var start = (int)state.Location;
            while (state.HasCurrent)
            {
                state.Advance(Math.Max(1, state.LookAhead(4096).Length));
            }
            result = TextSpan.FromBounds(start, (int)state.Location);
            return true;
        }
    }
}
