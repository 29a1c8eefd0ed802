using System.Globalization;
using MesaSpec.Language.Catalogue;
using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Evaluates expressions against an expected type in a scope of parameter values. Every failure is a
/// diagnostic at the expression and a null result; callers then fall back to a default or give up on
/// the model, never throw.
/// </summary>
internal sealed class ValueEvaluator(FileDiagnostics diagnostics, Scope scope)
{
    public FileDiagnostics Diagnostics { get; } = diagnostics;

    public Scope Scope { get; } = scope;

    private static readonly (string, MesaType?, Value?, double?, double?, IReadOnlyList<string>?)[] CellParameters =
        [("x", MesaType.Int, null, null, null, null), ("y", MesaType.Int, null, null, null, null)];

    public Value? Evaluate(ExpressionSyntax expression, MesaType expected, string what)
    {
        switch (expression)
        {
            case NumberLiteralSyntax number:
                return Number(number.Value, number.IsInteger, expression, expected, what, number.Text);
            case BinaryExpressionSyntax or NegationExpressionSyntax or ParenthesizedExpressionSyntax when expected == MesaType.Int || expected == MesaType.Float:
                return Arithmetic(expression, what) is { } folded ? FoldedNumber(folded, expression, expected, what) : null;
            case BinaryExpressionSyntax or NegationExpressionSyntax:
                Report(DiagnosticCatalog.TypeMismatch(expression.Span, Describe(expected), "arithmetic (a number)", what));
                return null;
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Inner, expected, what);
            case StringLiteralSyntax s when expected == MesaType.String:
                return new Value(s.Value);
            case BoolLiteralSyntax b when expected == MesaType.Bool:
                return new Value(b.Value);
            case CallExpressionSyntax { Name.Text: Vocabulary.RegionWords.Cell } call when expected == MesaType.Cell:
                // Where it lies is checked where the grid is known (MovementChecks, MS2044).
                return BindArguments(Vocabulary.RegionWords.Cell, call.Arguments, CellParameters) is { } coordinates
                    ? new Value(new GridCell(coordinates["x"].AsInt(), coordinates["y"].AsInt()))
                    : null;
            case ListExpressionSyntax list when expected.IsList:
                var items = new List<Value>();
                foreach (var item in list.Items)
                {
                    if (Evaluate(item, expected.Element!, "each item of " + what) is not { } value)
                    {
                        return null;
                    }
                    items.Add(value);
                }
                return new Value(items.ToArray());
            case NameExpressionSyntax name when Scope.TryGet(name.Name.Text, out var parameter, out var value):
                if (value is null)
                {
                    return null;
                }
                if (!Compatible(parameter.Type, expected))
                {
                    Report(DiagnosticCatalog.TypeMismatch(expression.Span, Describe(expected), $"parameter '{parameter.Name}' of type {parameter.Type}", what));
                    return null;
                }
                return Convert(value.Value, expected);
            case NameExpressionSyntax name when expected == MesaType.String:
                // A bare word where a string is expected, e.g. activation: relu.
                return new Value(name.Name.Text);
            case NameExpressionSyntax name when expected != MesaType.Cell:
                Report(DiagnosticCatalog.UnknownName(name.Span, "parameter", name.Name.Text, NameSuggestions.Closest(name.Name.Text, Scope.Names)));
                return null;
            default:
                Report(DiagnosticCatalog.TypeMismatch(expression.Span, Describe(expected), DescribeSyntax(expression), what));
                return null;
        }
    }

    /// <summary>Evaluates an int and checks it lies in [min, max].</summary>
    public int? Int(ExpressionSyntax expression, string what, long min, long max)
    {
        if (Evaluate(expression, MesaType.Int, what) is not { } value)
        {
            return null;
        }
        var v = value.AsInt();
        if (v < min || v > max)
        {
            Report(DiagnosticCatalog.ValueOutOfRange(expression.Span, what, RangeText(min, max), v.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        return (int)v;
    }

    public double? Float(ExpressionSyntax expression, string what, double min, double max)
    {
        if (Evaluate(expression, MesaType.Float, what) is not { } value)
        {
            return null;
        }
        var v = value.AsFloat();
        if (v < min || v > max || double.IsNaN(v))
        {
            Report(DiagnosticCatalog.ValueOutOfRange(expression.Span, what, $"between {min} and {max}", v.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        return v;
    }

    /// <summary>
    /// Binds call arguments to declared parameters (named or positional), checks types, ranges and
    /// choices, fills defaults, and reports unknown, duplicate and missing arguments.
    /// Returns null when any argument failed.
    /// </summary>
    public Dictionary<string, Value>? BindArguments(
        string owner,
        ArgumentListSyntax? arguments,
        IReadOnlyList<(string Name, MesaType? Type, Value? Default, double? Min, double? Max, IReadOnlyList<string>? Choices)> parameters,
        System.Collections.Generic.ICollection<(ArgumentSyntax Argument, string Parameter)>? bound = null,
        Text.TextSpan? missingAt = null)
    {
        var result = new Dictionary<string, Value>(StringComparer.Ordinal);
        var ok = true;
        var given = new HashSet<string>(StringComparer.Ordinal);
        var args = arguments?.Arguments ?? [];
        for (var i = 0; i < args.Length; i++)
        {
            var argument = args[i];
            int index;
            if (argument.Name is { } name)
            {
                index = -1;
                for (var k = 0; k < parameters.Count; k++)
                {
                    if (parameters[k].Name == name.Text)
                    {
                        index = k;
                        break;
                    }
                }
                if (index < 0)
                {
                    Report(DiagnosticCatalog.UnknownArgument(name.Span, owner, name.Text, NameSuggestions.Closest(name.Text, parameters.Select(p => p.Name)), parameters.Select(p => p.Name)));
                    ok = false;
                    continue;
                }
            }
            else
            {
                index = i;
                if (index >= parameters.Count)
                {
                    Report(DiagnosticCatalog.WrongArgumentCount(argument.Span, owner, $"at most {parameters.Count} argument{(parameters.Count == 1 ? "" : "s")}", args.Length));
                    ok = false;
                    continue;
                }
            }
            var parameter = parameters[index];
            if (!given.Add(parameter.Name))
            {
                Report(DiagnosticCatalog.DuplicateArgument(argument.Span, parameter.Name));
                ok = false;
                continue;
            }
            bound?.Add((argument, parameter.Name));
            if (parameter.Type is null)
            {
                ok = false;
                continue;
            }
            var value = Evaluate(argument.Value, parameter.Type, $"'{parameter.Name}'");
            if (value is null || !CheckConstraints(argument.Value, parameter, value.Value))
            {
                ok = false;
                continue;
            }
            result[parameter.Name] = value.Value;
        }
        foreach (var parameter in parameters)
        {
            if (result.ContainsKey(parameter.Name) || given.Contains(parameter.Name))
            {
                continue;
            }
            if (parameter.Default is { } fallback)
            {
                result[parameter.Name] = fallback;
            }
            else
            {
                // Without an argument list, the name of what is called stands for where the arguments would go.
                Report(DiagnosticCatalog.MissingArgument(arguments?.Span ?? missingAt ?? default, owner, parameter.Name));
                ok = false;
            }
        }
        return ok ? result : null;
    }

    private bool CheckConstraints(ExpressionSyntax at, (string Name, MesaType? Type, Value? Default, double? Min, double? Max, IReadOnlyList<string>? Choices) parameter, Value value)
    {
        if (parameter.Choices is { } choices && value.Raw is string or long && !choices.Contains(value.ToString()))
        {
            Report(DiagnosticCatalog.UnknownWord(at.Span, $"value for '{parameter.Name}'", value.ToString(), value.Raw is string word ? NameSuggestions.Closest(word, choices) : null, choices));
            return false;
        }
        var numbers = value.Raw switch
        {
            long or double => [value.AsFloat()],
            IReadOnlyList<Value> list when list.All(v => v.Raw is long or double) => list.Select(v => v.AsFloat()).ToArray(),
            _ => Array.Empty<double>(),
        };
        foreach (var number in numbers)
        {
            if ((parameter.Min is { } min && number < min) || (parameter.Max is { } max && number > max))
            {
                Report(DiagnosticCatalog.ValueOutOfRange(at.Span, $"'{parameter.Name}'", RangeText(parameter.Min, parameter.Max), number.ToString(CultureInfo.InvariantCulture)));
                return false;
            }
        }
        if (value.Raw is IReadOnlyList<Value> { Count: 0 } && parameter.Type?.IsList == true && parameter.Name == "hidden")
        {
            Report(DiagnosticCatalog.ValueOutOfRange(at.Span, $"'{parameter.Name}'", "a non-empty list", "[]"));
            return false;
        }
        return true;
    }

    private Value? Number(double value, bool isInteger, ExpressionSyntax at, MesaType expected, string what, string text)
    {
        if (double.IsInfinity(value) || double.IsNaN(value))
        {
            Report(DiagnosticCatalog.ValueOutOfRange(at.Span, what, "a finite number", "too large"));
            return null;
        }
        if (expected == MesaType.Int)
        {
            if (!isInteger)
            {
                // 2e2 is whole but written as a float: an exponent always makes a float, as in most languages.
                var actual = value == Math.Floor(value)
                    ? $"the float {text} (a number with an exponent is a float; write {value.ToString(CultureInfo.InvariantCulture)})"
                    : $"the fractional number {value.ToString(CultureInfo.InvariantCulture)}";
                Report(DiagnosticCatalog.TypeMismatch(at.Span, "an int", actual, what));
                return null;
            }
            return new Value((long)value);
        }
        if (expected == MesaType.Float)
        {
            return new Value(value);
        }
        Report(DiagnosticCatalog.TypeMismatch(at.Span, Describe(expected), "a number", what));
        return null;
    }

    /// <summary>
    /// Folds arithmetic to a constant: int operands give an int under <c>+ - *</c>, <c>/</c> and any float operand
    /// give a float. Division by zero and results beyond the doubles are MS2040 at the operation that fails.
    /// The depth is bounded by the parser's caps (brackets, <see cref="Parsing.ArithmeticChainLimit"/>).
    /// </summary>
    private (double Value, bool IsInteger)? Arithmetic(ExpressionSyntax expression, string what)
    {
        switch (expression)
        {
            case NumberLiteralSyntax number:
                return (number.Value, number.IsInteger);
            case ParenthesizedExpressionSyntax parenthesized:
                return Arithmetic(parenthesized.Inner, what);
            case NegationExpressionSyntax negation:
                return Arithmetic(negation.Operand, what) is { } operand ? (-operand.Value, operand.IsInteger) : null;
            case NameExpressionSyntax name when Scope.TryGet(name.Name.Text, out var parameter, out var value):
                if (value is null)
                {
                    return null;
                }
                if (parameter.Type == MesaType.Int || parameter.Type == MesaType.Float)
                {
                    return (value.Value.AsFloat(), parameter.Type == MesaType.Int);
                }
                Report(DiagnosticCatalog.TypeMismatch(expression.Span, "a number", $"parameter '{parameter.Name}' of type {parameter.Type}", what));
                return null;
            case NameExpressionSyntax name:
                Report(DiagnosticCatalog.UnknownName(name.Span, "parameter", name.Name.Text, NameSuggestions.Closest(name.Name.Text, Scope.Names)));
                return null;
            case BinaryExpressionSyntax binary:
                var left = Arithmetic(binary.Left, what);
                var right = Arithmetic(binary.Right, what);
                if (left is not { } l || right is not { } r)
                {
                    return null;
                }
                if (binary.Operator == '/' && r.Value == 0)
                {
                    Report(DiagnosticCatalog.ArithmeticNotFinite(binary.Span, "division by zero", what));
                    return null;
                }
                var result = binary.Operator switch
                {
                    '+' => l.Value + r.Value,
                    '-' => l.Value - r.Value,
                    '*' => l.Value * r.Value,
                    _ => l.Value / r.Value,
                };
                if (!double.IsFinite(result))
                {
                    Report(DiagnosticCatalog.ArithmeticNotFinite(binary.Span, "the result is too large for a number", what));
                    return null;
                }
                var isInteger = l.IsInteger && r.IsInteger && binary.Operator != '/' && Math.Abs(result) < 9e15;
                return (result, isInteger);
            default:
                Report(DiagnosticCatalog.TypeMismatch(expression.Span, "a number", DescribeSyntax(expression), what));
                return null;
        }
    }

    private Value? FoldedNumber((double Value, bool IsInteger) folded, ExpressionSyntax at, MesaType expected, string what)
    {
        if (expected == MesaType.Int && !folded.IsInteger)
        {
            Report(DiagnosticCatalog.TypeMismatch(at.Span, "an int",
                $"the float {folded.Value.ToString(CultureInfo.InvariantCulture)} (arithmetic with '/' or a float operand gives a float)", what));
            return null;
        }
        return expected == MesaType.Int ? new Value((long)folded.Value) : new Value(folded.Value);
    }

    private static bool Compatible(MesaType? actual, MesaType expected) =>
        actual is not null && (actual == expected || (actual == MesaType.Int && expected == MesaType.Float)
                               || (actual.IsList && expected.IsList && Compatible(actual.Element, expected.Element!)));

    private static Value Convert(Value value, MesaType expected) =>
        expected == MesaType.Float && value.Raw is long l ? new Value((double)l) : value;

    private void Report(Diagnostic diagnostic) => Diagnostics.Report(diagnostic);

    public static string Describe(MesaType type) => type.IsList ? $"a list of {type.Element}" : type == MesaType.Int ? "an int" : type == MesaType.Cell ? "a cell, cell(x, y)" : $"a {type}";

    private static string DescribeSyntax(ExpressionSyntax expression) => expression switch
    {
        NumberLiteralSyntax => "a number",
        StringLiteralSyntax => "a string",
        BoolLiteralSyntax => "a bool",
        ListExpressionSyntax => "a list",
        CallExpressionSyntax c => $"a call to '{c.Name.Text}'",
        NameExpressionSyntax n => $"the name '{n.Name.Text}'",
        _ => "this",
    };

    private static string RangeText(double? min, double? max) => (min, max) switch
    {
        ({ } lo, { } hi) when hi >= 1e9 => $"at least {lo}",
        ({ } lo, { } hi) => $"between {lo} and {hi}",
        ({ } lo, null) => $"at least {lo}",
        (null, { } hi) => $"at most {hi}",
        _ => "valid",
    };
}
