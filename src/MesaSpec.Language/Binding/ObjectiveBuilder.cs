using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;

namespace MesaSpec.Language.Binding;

/// <summary>Instantiates an objective: its reward terms and end conditions, with parameter defaults substituted.</summary>
internal static class ObjectiveBuilder
{
    public static ObjectiveModel? Build(DeclarationSymbol objective, DiagnosticSink sink)
    {
        var file = new FileDiagnostics(sink, objective.Tree);
        var scope = new Scope(objective.Parameters.Select(p => (p, EnvironmentBuilder.DefaultOf(p))));
        var values = new ValueEvaluator(file, scope);
        var rewards = new List<RewardTerm>();
        var ends = new List<EndCondition>();
        var ok = true;
        var counted = 0;
        foreach (var member in objective.Syntax.Members)
        {
            if (member is RewardMemberSyntax { Amount.Value: var amount } nonFinite && !double.IsFinite(amount))
            {
                // 1e309 reads as infinity: every return and every normalised score would be NaN.
                file.Report(DiagnosticCatalog.ValueOutOfRange(nonFinite.Amount.Span, "the reward", "a finite number", "too large to represent"));
                ok = false;
                continue;
            }
            switch (member)
            {
                case RewardMemberSyntax reward:
                    var rewardEvent = reward.Event is null ? (EventKind.EachStep, null) : Event(reward.Event, values, objective.Name);
                    int? atMost = null;
                    if (reward.AtMost is { } limit)
                    {
                        atMost = values.Int(limit.Count, "the count of 'at most'", 1, RewardTerm.MaxCount);
                        ok &= atMost is not null;
                        if (++counted == ObjectiveModel.MaxCountedTerms + 1)
                        {
                            file.Report(DiagnosticCatalog.TooManyCountedRewards(limit.Span, objective.Name, ObjectiveModel.MaxCountedTerms));
                            ok = false;
                        }
                    }
                    ok &= rewardEvent is not null;
                    if (rewardEvent is { } r)
                    {
                        rewards.Add(new RewardTerm(reward.Amount.Value, r.Kind, r.Target) { Condition = Condition(reward.Condition), AtMost = atMost, After = reward.After?.Kind.Text });
                    }
                    break;
                case EndMemberSyntax end:
                    var endEvent = Event(end.Event, values, objective.Name);
                    ok &= endEvent is not null;
                    if (endEvent is { } e)
                    {
                        ends.Add(new EndCondition(e.Kind, e.Target!) { Condition = Condition(end.Condition), After = end.After?.Kind.Text });
                    }
                    break;
            }
        }
        return ok ? new ObjectiveModel(objective.Name, rewards, ends) : null;
    }

    private static HoldCondition? Condition(HoldConditionSyntax? condition) =>
        condition is null ? null : new HoldCondition(condition.Word.Text == Vocabulary.ConditionWords.If, condition.Kind.Text);

    private static (EventKind Kind, TargetModel? Target)? Event(EventClauseSyntax clause, ValueEvaluator values, string objective)
    {
        EventKind? kind = clause.Verb.Text switch
        {
            "reaches" => EventKind.Reaches,
            "collects" => EventKind.Collects,
            "opens" => EventKind.Opens,
            "touches" => EventKind.Touches,
            _ => null,
        };
        var target = Target(clause.Target, values);
        if (target is RegionTarget { Region: var region } && RegionMath.IsRelative(region))
        {
            var function = RegionMath.RelativeParts(region).First() is OnRegion ? Vocabulary.RegionWords.On : Vocabulary.RegionWords.Near;
            values.Diagnostics.Report(DiagnosticCatalog.RelativeRegionAsTarget(clause.Target.Span, objective, function));
            return null;
        }
        return kind is null || target is null ? null : (kind.Value, target);
    }

    public static TargetModel? Target(TargetSyntax syntax, ValueEvaluator values) => syntax switch
    {
        KindTargetSyntax k => new KindTarget(k.Kind.Text),
        AttributeTargetSyntax a => new AttributeTarget(Attribute(a, "kind"), Attribute(a, "colour") ?? Attribute(a, "color"), Attribute(a, "shape")),
        RegionTargetSyntax r => RegionBuilder.Build(r.Region, values) is { } region ? new RegionTarget(region) : null,
        _ => null,
    };

    private static string? Attribute(AttributeTargetSyntax target, string name) =>
        target.Attributes.Arguments.FirstOrDefault(a => a.Name?.Text == name)?.Value is NameExpressionSyntax value ? value.Name.Text : null;
}
