using System.Text;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Formatting;

/// <summary>
/// The canonical one-line text of expressions, regions, targets, headers and single-line members.
/// Pure functions of the tree; numbers and strings are written exactly as in the source.
/// </summary>
internal sealed class SyntaxPrinter(SourceText source)
{
    public string Expression(ExpressionSyntax expression) => expression switch
    {
        NumberLiteralSyntax n => n.Text,
        StringLiteralSyntax s => Raw(s),
        BoolLiteralSyntax b => b.Value ? "true" : "false",
        NameExpressionSyntax n => n.Name.Text,
        ListExpressionSyntax l => "[" + string.Join(", ", l.Items.Select(Expression)) + "]",
        CallExpressionSyntax c => c.Name.Text + Arguments(c.Arguments),
        BinaryExpressionSyntax b => $"{Expression(b.Left)} {b.Operator} {Expression(b.Right)}",
        // '-1' would read back as one number literal, not the negation of one.
        NegationExpressionSyntax n => (n.Operand is NumberLiteralSyntax ? "- " : "-") + Expression(n.Operand),
        ParenthesizedExpressionSyntax p => "(" + Expression(p.Inner) + ")",
        MixtureExpressionSyntax m => m.Keyword.Text + "(" + string.Join(", ", m.Components.Select(c => $"{Expression(c.Environment)}: {Expression(c.Weight)}")) + ")",
        _ => source.ToString(expression.Span),
    };

    /// <summary>A string literal as written, so escapes survive unchanged.</summary>
    public string Raw(StringLiteralSyntax literal) => source.ToString(literal.Span);

    public string Arguments(ArgumentListSyntax arguments) =>
        "(" + string.Join(", ", arguments.Arguments.Select(Argument)) + ")";

    private string Argument(ArgumentSyntax argument) =>
        argument.Name is null ? Expression(argument.Value) : $"{argument.Name.Text}: {Expression(argument.Value)}";

    public string Parameters(ParameterListSyntax parameters) =>
        "(" + string.Join(", ", parameters.Parameters.Select(Parameter)) + ")";

    private string Parameter(ParameterSyntax parameter) =>
        $"{parameter.Name.Text}: {parameter.Type}" + (parameter.Default is null ? "" : $" = {Expression(parameter.Default)}");

    /// <summary>
    /// <c>except</c> is left-associative, so only a difference on the right needs parentheses; <c>or</c> binds
    /// tighter than <c>except</c>, so a difference inside a union does too. Parentheses the author wrote around
    /// an atom carry no meaning and are dropped.
    /// </summary>
    public string Region(RegionSyntax region) => region switch
    {
        RegionCallSyntax call => call.Function.Text + (call.Arguments is null ? "" : Arguments(call.Arguments)),
        RegionUnionSyntax union => string.Join(" or ", union.Parts.Select(p => p is RegionExceptSyntax ? "(" + Region(p) + ")" : Region(p))),
        RegionExceptSyntax except => Region(except.Left) + " except " +
            (except.Right is RegionExceptSyntax ? "(" + Region(except.Right) + ")" : Region(except.Right)),
        _ => source.ToString(region.Span),
    };

    public string Target(TargetSyntax target) => target switch
    {
        KindTargetSyntax kind => kind.Kind.Text,
        AttributeTargetSyntax attributes => attributes.Keyword.Text + Arguments(attributes.Attributes),
        RegionTargetSyntax region => Region(region.Region),
        _ => source.ToString(target.Span),
    };

    public string Header(DeclarationSyntax declaration)
    {
        var builder = new StringBuilder(declaration.KeywordText).Append(' ').Append(declaration.Name.Text);
        if (declaration.Parameters is { } parameters)
        {
            builder.Append(Parameters(parameters));
        }
        if (declaration.Extends is { } extends)
        {
            builder.Append(" extends ").Append(Expression(extends));
        }
        return builder.Append(" {").ToString();
    }

    public string ItemProperty(ItemPropertySyntax property) => property switch
    {
        CountPropertySyntax count => "count " + Expression(count.Count),
        SpawnPropertySyntax spawn => "spawn " + Region(spawn.Region),
        AttributePropertySyntax attribute => attribute.Attribute + " " + attribute.Value.Text,
        BehaviourPropertySyntax behaviour => "behaviour " + behaviour.Behaviour.Text + (behaviour.Opens is null ? "" : " opens " + behaviour.Opens.Text),
        MovesPropertySyntax moves => "moves " + Expression(moves.Movement),
        _ => source.ToString(property.Span),
    };

    public string LegendEntry(LegendEntrySyntax entry) => $"{Raw(entry.Symbol)} = {entry.Meaning.Text}";

    /// <summary>Members that always fit on one line (braced items, layouts and legends are blocks, written elsewhere).</summary>
    public string Member(MemberSyntax member) => member switch
    {
        GridMemberSyntax grid => $"grid {Expression(grid.Width)} x {Expression(grid.Height)}",
        WallsMemberSyntax walls => "walls " + Expression(walls.Walls),
        AgentSpawnMemberSyntax spawn => "agent spawn " + Region(spawn.Region),
        ItemMemberSyntax item => string.Join(' ', item.Properties.Select(ItemProperty).Prepend("item " + item.Kind.Text)),
        HorizonMemberSyntax horizon => "horizon " + Expression(horizon.Horizon),
        ObservationMemberSyntax observation => "observation " + Expression(observation.Observation),
        LevelsMemberSyntax levels => "levels " + Expression(levels.Levels),
        CueMemberSyntax cue => "cue " + cue.Cue.Text,
        RewardMemberSyntax reward => $"reward {reward.Amount.Text} " + (reward.Event is null ? "each step" : Event(reward.Event))
            + After(reward.After) + Condition(reward.Condition) + (reward.AtMost is null ? "" : ", at most " + Expression(reward.AtMost.Count)),
        EndMemberSyntax end => "end " + Event(end.Event) + After(end.After) + Condition(end.Condition),
        BaseObjectiveMemberSyntax b => "base objective " + b.Objective.Text,
        MesaObjectiveMemberSyntax mesa => "mesa objective " + string.Join(", ", mesa.Objectives.Select(o => o.Text)),
        TrainMemberSyntax train => $"train on {Expression(train.Environment)} with {Expression(train.Model)} using {Expression(train.Algorithm)}"
            + (train.Objective is null ? "" : " rewarding " + train.Objective.Text)
            + (train.Curriculum is null ? "" : " curriculum " + Expression(train.Curriculum)),
        ThenTrainMemberSyntax then => "then train on " + Expression(then.Environment)
            + (then.Objective is null ? "" : " rewarding " + then.Objective.Text)
            + (then.Algorithm is null ? "" : " using " + Expression(then.Algorithm))
            + (then.Budget is null ? "" : " for " + Expression(then.Budget))
            + (then.Curriculum is null ? "" : " curriculum " + Expression(then.Curriculum)),
        PolicyMemberSyntax policy => "policy " + Expression(policy.Policy),
        SettingMemberSyntax setting => setting.Name + " " + Expression(setting.Value),
        EvaluateMemberSyntax evaluate => "evaluate on " + string.Join(", ", evaluate.Environments.Select(Expression))
            + (evaluate.Episodes is null ? "" : " episodes " + Expression(evaluate.Episodes))
            + (evaluate.Thinking is null ? "" : " thinking " + Expression(evaluate.Thinking)),
        SweepMemberSyntax sweep => $"sweep {sweep.Parameter.Text} in {Expression(sweep.Values)}",
        ProbeMemberSyntax probe => $"probe {probe.Name.Text}: {Expression(probe.Feature)} at {probe.Layer.Text}" + (probe.Index is null ? "" : " " + Expression(probe.Index)),
        SteerMemberSyntax steer => $"steer {steer.Probe.Text} by {Expression(steer.Scale)}",
        ExpectMemberSyntax expect => (expect.Environment is null ? "expect" : "expect on " + expect.Environment.Text)
            + (expect.WhereParameter is null || expect.WhereValue is null ? "" : $" where {expect.WhereParameter.Text} = {Expression(expect.WhereValue)}")
            + ": " + Expectation(expect.Expectation),
        _ => source.ToString(member.Span),
    };

    private static string After(AfterSyntax? after) => after is null ? "" : $" {ConditionWords.After} {after.Kind.Text}";

    private static string Condition(HoldConditionSyntax? condition) =>
        condition is null ? "" : $" {condition.Word.Text} agent holds {condition.Kind.Text}";

    private string Event(EventClauseSyntax clause) => $"when agent {clause.Verb.Text} {Target(clause.Target)}";

    private string Expectation(ExpectationSyntax expectation) => expectation switch
    {
        VerdictExpectationSyntax verdict => verdict.Verdict.Text + (verdict.Proxy is null ? "" : $"({verdict.Proxy.Text})"),
        MetricComparisonSyntax comparison => $"{Metric(comparison.Metric)} {comparison.Operator} {Expression(comparison.Value)}",
        MetricTrendSyntax trend => $"{Metric(trend.Metric)} {trend.Trend.Text}",
        _ => source.ToString(expectation.Span),
    };

    private static string Metric(MetricSyntax metric) => metric.Name.Text + (metric.Objective is null ? "" : $"({metric.Objective.Text})");
}
