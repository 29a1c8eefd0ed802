using MesaSpec.Language.Model;
using MesaSpec.Language.Tests.Support;
using MesaSpec.Language.Vocabulary;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Tasks;

/// <summary>The <c>task</c> declaration and experiments trained on a task: binding, models, and every diagnostic of MS2060-MS2063, MS3060-MS3062.</summary>
public sealed class TaskDiagnosticTests
{
    private const string Regression = """
        task Regression(scale: float = 1, pairs: int = 10) {
          family linear
          dimension 10
          context pairs
          noise 0
          inputs uniform(scale: scale)
        }

        task Wide extends Regression(scale: 2) {}

        task Nonlinear extends Regression {
          family tanh
        }

        """;

    private static string Experiment(string members = "", string evaluate = "evaluate on Regression, Wide episodes 100") => Regression + $$"""
        experiment InContext {
          train on Regression with linear_attention(layers: 1) using adam(steps: 100, lr: 1e-3, batch: 64)
          seeds 2
          {{evaluate}}
        {{members}}}
        """;

    [Fact]
    public void A_task_experiment_binds_into_a_model()
    {
        var compilation = Check.Diagnostics(Experiment("  expect on Regression: mesa_optimizer(gradient_descent)\n  expect: mesa_optimizer\n"));
        Check.NoErrors(compilation);
        var point = Assert.Single(compilation.PlanFor("InContext")!.Points);
        Assert.True(point.IsTaskExperiment);
        var trained = Assert.IsType<TaskTrainedModel>(point.Policy);
        Assert.Equal(new TaskModel("Regression", "Regression", TaskFamily.Linear, 10, 10, 0, InputDistribution.Uniform, 1), trained.Task);
        Assert.Equal(["Regression", "Wide"], point.TaskEvaluations.Select(e => e.Task.Name));
        Assert.Equal(2, point.TaskEvaluations[1].Task.InputScale);
        Assert.Equal(100, point.TaskEvaluations[1].Prompts);
        Assert.Equal(100, trained.Algorithm.Budget);
        var expectation = Assert.IsType<VerdictExpectation>(point.Expectations[0].Body);
        Assert.Equal((Verdict.MesaOptimizer, "gradient_descent"), (expectation.Verdict, expectation.Proxy));
        Assert.Empty(point.Evaluations);
    }

    [Fact]
    public void Extends_replaces_members_and_passes_parameters_through()
    {
        var compilation = Check.Diagnostics(Experiment(evaluate: "evaluate on Regression, Nonlinear(pairs: 20)"));
        Check.NoErrors(compilation);
        var nonlinear = compilation.PlanFor("InContext")!.Points[0].TaskEvaluations[1];
        Assert.Equal((TaskFamily.Tanh, 20, "Nonlinear(pairs: 20)"), (nonlinear.Task.Family, nonlinear.Task.Context, nonlinear.Task.DisplayName));
        Assert.Equal(1000, nonlinear.Prompts);
    }

    [Fact]
    public void Task_defaults_are_the_papers_prompts()
    {
        var compilation = Check.DiagnosticsExactly("""
            task Plain {}
            experiment E {
              train on Plain with linear_attention using adam
              [|evaluate on Plain|]
            }
            """, NoTaskShift);
        Assert.Equal(new TaskModel("Plain", "Plain", TaskFamily.Linear, 10, 10, 0, InputDistribution.Uniform, 1),
            compilation.PlanFor("E")!.Points[0].TrainingTask);
    }

    [Theory]
    [InlineData("  dimension [|0|]\n")]
    [InlineData("  dimension [|65|]\n")]
    [InlineData("  context [|0|]\n")]
    [InlineData("  noise [|-1|]\n")]
    [InlineData("  inputs uniform(scale: [|0|])\n")]
    public void Task_parameters_out_of_range_are_reported_at_the_value(string member) =>
        Check.Diagnostics($"task T {{\n{member}}}\nexperiment E {{\n  train on T with linear_attention using adam\n  evaluate on T\n}}\n", ValueOutOfRange);

    [Fact]
    public void Unknown_family_and_input_distribution_suggest_a_word()
    {
        var compilation = Check.Diagnostics("task T {\n  family [|lineer|]\n  inputs [|gausian|](scale: 2)\n}\n", UnknownWord, UnknownWord);
        var messages = compilation.Diagnostics.Where(d => d.Code == UnknownWord).Select(d => d.Message).ToList();
        Assert.Contains("did you mean 'linear'", messages[0], StringComparison.Ordinal);
        Assert.Contains("did you mean 'gaussian'", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_that_is_not_a_task_member_is_a_syntax_error() =>
        Assert.Contains("is not a task member", Check.Single(Check.Diagnostics("task T {\n  [|grid|] 9 x 9\n}\n", UnexpectedInput), UnexpectedInput).Message, StringComparison.Ordinal);

    [Fact]
    public void Duplicate_task_members_are_reported() =>
        Check.Diagnostics("task T {\n  dimension 3\n  [|dimension 4|]\n}\n", DuplicateMember);

    [Fact]
    public void A_gridworld_model_on_a_task_and_a_task_model_on_an_environment_are_MS2060()
    {
        Check.Diagnostics(Experiment().Replace("with linear_attention(layers: 1) using adam", "with [|mlp|] using [|ppo|]", StringComparison.Ordinal),
            ComponentForOtherExperimentKind, ComponentForOtherExperimentKind);
        Check.Diagnostics(Specs.Maze + Specs.Objectives + """
            experiment E {
              base objective EatCheese
              mesa objective Corner
              train on Maze with [|linear_attention|] using [|adam|]
              evaluate on Maze, Anywhere
            }
            """, ComponentForOtherExperimentKind, ComponentForOtherExperimentKind);
    }

    [Fact]
    public void Evaluating_an_environment_after_training_on_a_task_is_MS2061() =>
        Check.Diagnostics("environment Grid { grid 5 x 5 }\n" + Experiment(evaluate: "evaluate on Regression, [|Grid|]"), TasksAndEnvironmentsMixed);

    [Fact]
    public void An_unknown_reference_learner_is_MS2062_with_a_fix()
    {
        var diagnostic = Check.Single(Check.Diagnostics(Experiment("  expect: mesa_optimizer([|ridgee|])\n"), UnknownReferenceLearner), UnknownReferenceLearner);
        Assert.Equal("ridge", diagnostic.Fix!.Edits[0].NewText);
    }

    [Fact]
    public void Verdicts_of_the_other_kind_of_experiment_are_MS2063()
    {
        Check.Diagnostics(Experiment("  expect on Regression: [|robustly_aligned|]\n  expect on Wide: [|score(X) > 0.5|]\n"),
            VerdictForOtherExperimentKind, VerdictForOtherExperimentKind);
        Check.Diagnostics(Specs.WithExperiment("  expect: [|mesa_optimizer|](gradient_descent)\n"), VerdictForOtherExperimentKind);
    }

    [Fact]
    public void An_evaluation_task_of_another_dimension_is_MS3060() =>
        Check.Diagnostics(Regression + """
            task Big extends Regression {
              dimension 12
            }
            experiment E {
              train on Regression with linear_attention using adam
              evaluate on Regression, [|Big|]
            }
            """, TaskDimensionMismatch);

    [Fact]
    public void Objectives_in_a_task_experiment_are_MS3062() =>
        Check.Diagnostics("objective O { reward +1 each step }\n" + Experiment("  [|base objective O|]\n"), ObjectivesInTaskExperiment);

    [Fact]
    public void No_shift_among_the_evaluation_tasks_is_MS3061() =>
        Check.Diagnostics(Experiment(evaluate: "[|evaluate on Regression, Regression(scale: 1)|]"), NoTaskShift);

    [Fact]
    public void The_oracle_of_a_task_experiment_is_the_Bayes_optimal_reference_learner()
    {
        var point = Check.Diagnostics(Experiment()).PlanFor("InContext")!.Points[0];
        var oracle = Assert.IsType<ReferenceLearnerPolicy>(point.Oracle);
        Assert.Equal((ReferenceLearner.Ridge, "Regression"), (oracle.Learner, oracle.Task.Name));
        Assert.Equal([7, 7], point.WithEvaluationsAtMost(7).TaskEvaluations.Select(e => e.Prompts));
    }
}
