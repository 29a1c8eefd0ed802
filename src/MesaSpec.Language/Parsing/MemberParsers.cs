using MesaSpec.Language.Syntax;
using MesaSpec.Language.Text;
using Pidgin;
using MesaSpec.Language.Vocabulary;
using static MesaSpec.Language.Parsing.ExpressionParsers;
using static MesaSpec.Language.Parsing.Lexical;
using static MesaSpec.Language.Parsing.SpannedExtensions;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace MesaSpec.Language.Parsing;

/// <summary>The members of each declaration kind. Each member parser consumes one member up to its end of line.</summary>
internal static class MemberParsers
{
    private static Parser<char, MemberSyntax> Member<T>(Parser<char, T> parser, Func<T, TextSpan, MemberSyntax> make) =>
        Spanned(parser, make);

    // ---------------------------------------------------------------- environment

    private static readonly Parser<char, MemberSyntax> Grid = Member(
        Keyword("grid").Then(Expression).Then(OneOf(Char('x'), Char('X')).Label("'x'").Then(InlineTrivia).Then(Expression), (w, h) => (w, h)),
        (v, span) => new GridMemberSyntax(v.w, v.h, span));

    private static readonly Parser<char, MemberSyntax> Walls = Member(
        Keyword("walls").Then(Expression), (v, span) => new WallsMemberSyntax(v, span));

    private static readonly Parser<char, MemberSyntax> Layout = Member(
        Keyword("layout").Then(Open('{')).Then(StringLiteral.Before(FullTrivia).Many()).Before(Close('}')),
        (rows, span) => new LayoutMemberSyntax([.. rows], span));

    private static readonly Parser<char, LegendEntrySyntax> LegendEntry =
        StringLiteral.Before(Symbol('=')).Then(Identifier, (symbol, meaning) => new LegendEntrySyntax(symbol, meaning));

    private static readonly Parser<char, MemberSyntax> Legend = Member(
        Keyword("legend").Then(Open('{')).Then(LegendEntry.Before(FullTrivia).Many()).Before(Close('}')),
        (entries, span) => new LegendMemberSyntax([.. entries], span));

    private static readonly Parser<char, MemberSyntax> AgentSpawn = Member(
        Keyword("agent").Then(Keyword("spawn")).Then(Region), (r, span) => new AgentSpawnMemberSyntax(r, span));

    private static Parser<char, ItemPropertySyntax> Property<T>(Parser<char, T> parser, Func<T, TextSpan, ItemPropertySyntax> make) =>
        Spanned(parser, make);

    // The label applies to the property's first word only (a lookahead), so an error inside a property
    // (a bad region argument) keeps its own precise "expected ...".
    private static readonly Parser<char, Unit> ItemPropertyStart =
        new Tokens.AnyKeyword(["count", "spawn", "colour", "color", "shape", "behaviour", "behavior", "moves"])
            .Label("an item property (count, spawn, colour, shape, behaviour, moves)");

    private static readonly Parser<char, ItemPropertySyntax> Colour =
        Property(Keyword("colour").Or(Keyword("color")).Then(Identifier), (v, s) => new AttributePropertySyntax("colour", v, s));

    private static readonly Parser<char, ItemPropertySyntax> Behaviour =
        Property(Keyword("behaviour").Or(Keyword("behavior")).Then(Identifier).Then(Keyword("opens").Then(Identifier).Optional(), (b, o) => (b, o)),
            (v, s) => new BehaviourPropertySyntax(v.b, v.o.HasValue ? v.o.Value : null, s));

    private static readonly Parser<char, ItemPropertySyntax> ItemProperty = ItemPropertyStart.Then(Choice.ByKeyword(
        ("count", Property(Keyword("count").Then(Expression), (v, s) => new CountPropertySyntax(v, s))),
        ("spawn", Property(Keyword("spawn").Then(Region), (v, s) => new SpawnPropertySyntax(v, s))),
        ("colour", Colour),
        ("color", Colour),
        ("shape", Property(Keyword("shape").Then(Identifier), (v, s) => new AttributePropertySyntax("shape", v, s))),
        ("behaviour", Behaviour),
        ("behavior", Behaviour),
        ("moves", Property(Keyword("moves").Then(Expression), (v, s) => new MovesPropertySyntax(v, s)))));

    private static readonly Parser<char, (IEnumerable<ItemPropertySyntax> Properties, bool Braced)> ItemProperties = OneOf(
        Open('{').Then(ItemProperty.Before(FullTrivia).Many()).Before(Close('}')).Select(p => (p, true)),
        ItemProperty.Many().Select(p => (p, false)));

    private static readonly Parser<char, MemberSyntax> Item = Member(
        Keyword("item").Then(Identifier).Then(ItemProperties, (kind, props) => (kind, props)),
        (v, span) => new ItemMemberSyntax(v.kind, [.. v.props.Properties], v.props.Braced, span));

    private static readonly Parser<char, MemberSyntax> Horizon = Member(
        Keyword("horizon").Then(Expression), (v, span) => new HorizonMemberSyntax(v, span));

    private static readonly Parser<char, MemberSyntax> Observation = Member(
        Keyword("observation").Then(Expression), (v, span) => new ObservationMemberSyntax(v, span));

    private static readonly Parser<char, MemberSyntax> Levels = Member(
        Keyword("levels").Then(Expression), (v, span) => new LevelsMemberSyntax(v, span));

    private static readonly Parser<char, MemberSyntax> Cue = Member(
        Keyword("cue").Then(Identifier.Label("a cue's name, or none")), (v, span) => new CueMemberSyntax(v, span));

    public const string EnvironmentKeywords = "grid, walls, layout, legend, agent spawn, item, horizon, observation, levels or cue";

    public static readonly Parser<char, MemberSyntax> EnvironmentMember = Choice.ByKeyword(
        ("grid", Grid), ("walls", Walls), ("layout", Layout), ("legend", Legend), ("agent", AgentSpawn), ("item", Item),
        ("horizon", Horizon), ("observation", Observation), ("levels", Levels), ("cue", Cue));

    // ---------------------------------------------------------------- objective

    private static readonly Parser<char, EventClauseSyntax> EventClause =
        Keyword("when").Then(Keyword("agent")).Then(Identifier.Label("an event (reaches, collects, opens, touches)"))
            .Then(Target, (verb, target) => new EventClauseSyntax(verb, target));

    private static readonly Parser<char, Maybe<HoldConditionSyntax>> HoldCondition = Spanned(
        Try(Identifier.Where(word => ConditionWords.Openers.Contains(word.Text))).Before(Keyword("agent")).Before(Keyword(ConditionWords.Holds))
            .Then(Identifier.Label("an item kind that is held (a key or a shield)"), (word, kind) => (word, kind)),
        (v, span) => new HoldConditionSyntax(v.word, v.kind, span)).Optional();

    // 'after apple', between the event and a hold condition.
    private static readonly Parser<char, Maybe<AfterSyntax>> After = Spanned(
        Keyword(ConditionWords.After).Then(Identifier.Label("an item kind that must be gone first")),
        (kind, span) => new AfterSyntax(kind, span)).Optional();

    // ', at most 3' (the comma may be left out).
    private static readonly Parser<char, Maybe<AtMostSyntax>> AtMost = Spanned(
        Try(Symbol(',').Optional().Then(Keyword(ConditionWords.At))).Then(Keyword(ConditionWords.Most)).Then(Expression),
        (count, span) => new AtMostSyntax(count, span)).Optional();

    private static readonly Parser<char, MemberSyntax> Reward = Member(
        Keyword("reward").Then(Number).Then(
            OneOf(Keyword("each").Then(Keyword("step")).ThenReturn<EventClauseSyntax?>(null), EventClause.Cast<EventClauseSyntax?>()),
            (amount, evt) => (amount, evt))
            .Then(After, (ae, after) => (ae.amount, ae.evt, after))
            .Then(HoldCondition, (aea, condition) => (aea.amount, aea.evt, aea.after, condition))
            .Then(AtMost, (aeac, atMost) => (aeac.amount, aeac.evt, aeac.after, aeac.condition, atMost)),
        (v, span) => new RewardMemberSyntax(v.amount, v.evt, span)
        {
            After = v.after.HasValue ? v.after.Value : null,
            Condition = v.condition.HasValue ? v.condition.Value : null,
            AtMost = v.atMost.HasValue ? v.atMost.Value : null,
        });

    private static readonly Parser<char, MemberSyntax> EndWhen = Member(
        Keyword("end").Then(EventClause).Then(After, (e, a) => (e, a)).Then(HoldCondition, (ea, c) => (ea.e, ea.a, c)),
        (v, span) => new EndMemberSyntax(v.e, span) { After = v.a.HasValue ? v.a.Value : null, Condition = v.c.HasValue ? v.c.Value : null });

    public const string ObjectiveKeywords = "reward or end";

    public static readonly Parser<char, MemberSyntax> ObjectiveMember = Choice.ByKeyword(("reward", Reward), ("end", EndWhen));

    // ---------------------------------------------------------------- experiment

    private static readonly Parser<char, MemberSyntax> Base = Member(
        Keyword("base").Then(Keyword("objective")).Then(Identifier), (v, span) => new BaseObjectiveMemberSyntax(v, span));

    private static readonly Parser<char, MemberSyntax> Mesa = Member(
        Keyword("mesa").Then(Keyword("objective")).Then(Identifier.SeparatedAtLeastOnce(Comma)),
        (v, span) => new MesaObjectiveMemberSyntax([.. v], span));

    /// <summary>The word of a training mixture, <c>mix(A: w, B: v)</c>.</summary>
    public const string MixtureWord = "mix";

    /// <summary><c>mix</c> is a mixture only when a '(' follows; otherwise it is a name like any other.</summary>
    private static readonly Parser<char, ExpressionSyntax> Mixture =
        Map((keyword, components, end) => (ExpressionSyntax)new MixtureExpressionSyntax(keyword, [.. components], TextSpan.FromBounds(keyword.Span.Start, end)),
            Try(Identifier.Where(name => name.Text == MixtureWord).Before(Lookahead(Char('(')))),
            Open('(').Then(NameOrCall.Before(Symbol(':')).Then(Expression, (environment, weight) => new MixtureComponentSyntax(environment, weight))
                .Before(FullTrivia).Separated(Comma)),
            Close(')').Label("',' or ')'"));

    /// <summary>What a training phase draws its levels from: an environment reference or a mixture.</summary>
    private static readonly Parser<char, ExpressionSyntax> TrainingDistribution = OneOf(Mixture, Expression);

    private static readonly Parser<char, Maybe<IdentifierSyntax>> Rewarding = Keyword("rewarding").Then(Identifier).Optional();

    /// <summary><c>curriculum plr(...)</c> at the end of a training line: how the phase chooses its levels.</summary>
    private static readonly Parser<char, Maybe<ExpressionSyntax>> CurriculumClause = Keyword("curriculum").Then(Expression).Optional();

    private static readonly Parser<char, MemberSyntax> Train = Member(
        Keyword("train").Then(Keyword("on")).Then(TrainingDistribution)
            .Then(Keyword("with").Then(Expression), (e, m) => (e, m))
            .Then(Keyword("using").Then(Expression), (em, a) => (em.e, em.m, a))
            .Then(Rewarding, (ema, o) => (ema.e, ema.m, ema.a, o))
            .Then(CurriculumClause, (emao, c) => (emao.e, emao.m, emao.a, emao.o, c)),
        (v, span) => new TrainMemberSyntax(v.e, v.m, v.a, span)
        {
            Objective = v.o.HasValue ? v.o.Value : null,
            Curriculum = v.c.HasValue ? v.c.Value : null,
        });

    private static readonly Parser<char, MemberSyntax> ThenTrain = Member(
        Keyword("then").Then(Keyword("train")).Then(Keyword("on")).Then(TrainingDistribution)
            .Then(Rewarding, (e, o) => (e, o))
            .Then(Keyword("using").Then(Expression).Optional(), (eo, a) => (eo.e, eo.o, a))
            .Then(Keyword("for").Then(Expression).Optional(), (eoa, b) => (eoa.e, eoa.o, eoa.a, b))
            .Then(CurriculumClause, (eoab, c) => (eoab.e, eoab.o, eoab.a, eoab.b, c)),
        (v, span) => new ThenTrainMemberSyntax(v.e, v.o.HasValue ? v.o.Value : null, v.a.HasValue ? v.a.Value : null, v.b.HasValue ? v.b.Value : null, span)
        {
            Curriculum = v.c.HasValue ? v.c.Value : null,
        });

    private static readonly Parser<char, MemberSyntax> Policy = Member(
        Keyword("policy").Then(Expression), (v, span) => new PolicyMemberSyntax(v, span));

    private static (string, Parser<char, MemberSyntax>) Setting(string name) => (name, Member(
        Keyword(name).Then(Expression), (v, span) => new SettingMemberSyntax(name, v, span)));

    private static readonly Parser<char, MemberSyntax> Evaluate = Member(
        Keyword("evaluate").Then(Keyword("on")).Then(Expression.SeparatedAtLeastOnce(Comma))
            .Then(Keyword("episodes").Then(Expression).Optional(), (envs, episodes) => (envs, episodes))
            .Then(Keyword("thinking").Then(Expression).Optional(), (v, thinking) => (v.envs, v.episodes, thinking)),
        (v, span) => new EvaluateMemberSyntax([.. v.envs], v.episodes.HasValue ? v.episodes.Value : null, span)
        {
            Thinking = v.thinking.HasValue ? v.thinking.Value : null,
        });

    private static readonly Parser<char, MemberSyntax> Sweep = Member(
        Keyword("sweep").Then(Identifier).Before(Keyword("in")).Then(List, (p, values) => (p, values)),
        (v, span) => new SweepMemberSyntax(v.p, v.values, span));

    private static readonly Parser<char, MetricSyntax> MetricHead = Spanned(
        Identifier.Then(Symbol('(').Then(Identifier).Before(Symbol(')')).Optional(), (name, objective) => (name, objective)),
        (v, span) => new MetricSyntax(v.name, v.objective.HasValue ? v.objective.Value : null, span));

    private static readonly Parser<char, string> ComparisonOperator =
        OneOf(Try(String(">=")), Try(String("<=")), String(">"), String("<")).Before(InlineTrivia).Label("a comparison (>, >=, <, <=)");

    private static readonly Parser<char, ExpectationSyntax> Expectation = Spanned(
        MetricHead.Then(
            OneOf(
                ComparisonOperator.Then(Expression, (op, value) =>
                    (Func<MetricSyntax, TextSpan, ExpectationSyntax>)((m, s) => new MetricComparisonSyntax(m, op, value, s))),
                Identifier.Select(trend =>
                    (Func<MetricSyntax, TextSpan, ExpectationSyntax>)((m, s) => new MetricTrendSyntax(m, trend, s)))).Optional(),
            (head, tail) => (head, tail)),
        (v, span) => v.tail.HasValue ? v.tail.Value(v.head, span) : new VerdictExpectationSyntax(v.head.Name, v.head.Objective, span));

    private static readonly Parser<char, MemberSyntax> Expect = Member(
        Keyword("expect").Then(Keyword("on").Then(Identifier).Optional())
            .Then(Keyword("where").Then(Identifier).Before(Symbol('=')).Then(Expression, (p, v) => (p, v)).Optional(), (env, where) => (env, where))
            .Before(Symbol(':'))
            .Then(Expectation, (ew, expectation) => (ew.env, ew.where, expectation)),
        (v, span) => new ExpectMemberSyntax(
            v.env.HasValue ? v.env.Value : null,
            v.where.HasValue ? v.where.Value.p : null,
            v.where.HasValue ? v.where.Value.v : null,
            v.expectation,
            span));

    public const string ExperimentKeywords = "base objective, mesa objective, train on, then train on, policy, seeds, evaluate on, threshold, tolerance, sweep, probe, steer or expect on";

    public static readonly Parser<char, MemberSyntax> ExperimentMember = Choice.ByKeyword(
        ("base", Base), ("mesa", Mesa), ("train", Train), ("then", ThenTrain), ("policy", Policy), Setting("seeds"), ("evaluate", Evaluate),
        Setting("threshold"), Setting("tolerance"), ("sweep", Sweep), ("probe", ProbeMemberParsers.Probe), ("steer", ProbeMemberParsers.Steer), ("expect", Expect));
}
