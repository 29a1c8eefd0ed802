using MesaSpec.Language.Binding;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Tests.Support;
using static MesaSpec.Language.Diagnostics.DiagnosticCodes;

namespace MesaSpec.Language.Tests.Binding;

/// <summary>Imports through an in-memory resolver: names across files, cycles, workspace confinement.</summary>
public sealed class ImportTests
{
    private static Compilation Compile(string main, params (string Path, string Text)[] files)
    {
        var all = files.ToDictionary(f => f.Path, f => f.Text);
        all["/ws/main.mesa"] = main;
        return Compilation.Create(SyntaxTree.Parse(main, "/ws/main.mesa"), new CompilationOptions(Resolver: new InMemorySourceResolver(all)));
    }

    [Fact]
    public void Names_resolve_across_files()
    {
        var compilation = Compile("""
            import "lib/worlds.mesa"
            experiment Run {
              base objective EatCheese
              mesa objective Corner
              train on Maze with mlp using ppo(steps: 1k)
              evaluate on Maze, Anywhere
            }
            """, ("/ws/lib/worlds.mesa", "import \"objectives.mesa\"\n" + Specs.Maze), ("/ws/lib/objectives.mesa", Specs.Objectives));
        Check.NoErrors(compilation);
        Assert.Equal(3, compilation.Trees.Count);
        var maze = compilation.Symbols.Lookup("Maze")!;
        Assert.Equal("/ws/lib/worlds.mesa", maze.Tree.Text.Path);
        Assert.Contains(compilation.ReferencesTo(maze), r => r.Location.Path == "/ws/main.mesa" && !r.IsDeclaration);
        Assert.True(compilation.PlanFor("Run")!.IsRunnable);
    }

    [Fact]
    public void Unused_declarations_of_imported_files_are_not_reported() =>
        Assert.DoesNotContain(Compile("import \"lib.mesa\"\n", ("/ws/lib.mesa", Specs.Maze)).Diagnostics, d => d.Code == UnusedDeclaration);

    [Fact]
    public void A_file_imported_twice_is_loaded_once()
    {
        var compilation = Compile("import \"a.mesa\"\nimport \"b.mesa\"\n",
            ("/ws/a.mesa", "import \"common.mesa\"\n"), ("/ws/b.mesa", "import \"./common.mesa\"\n"), ("/ws/common.mesa", Specs.Objectives));
        Assert.Equal(4, compilation.Trees.Count);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == DuplicateDeclaration);
    }

    [Fact]
    public void A_cycle_is_reported_where_it_closes_and_does_not_loop()
    {
        var compilation = Compile("import \"a.mesa\"\n", ("/ws/a.mesa", "import \"b.mesa\"\n"), ("/ws/b.mesa", "import \"a.mesa\"\n"));
        var cycle = Check.Single(compilation, ImportCycle);
        Assert.Equal("/ws/b.mesa", cycle.Path);
        Assert.Contains("a.mesa -> b.mesa -> a.mesa", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_oneself_is_a_cycle() =>
        Assert.Contains("main.mesa -> main.mesa", Check.Single(Compile("import \"main.mesa\"\n"), ImportCycle).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("../secret.mesa")]
    [InlineData("lib/../../secret.mesa")]
    [InlineData("/etc/passwd")]
    [InlineData("../../../../../../../../etc/passwd")]
    public void Imports_may_not_leave_the_workspace(string path)
    {
        var markup = $"import [|\"{path}\"|]\n";
        var annotated = AnnotatedText.Parse(markup);
        var compilation = Compile(annotated.Text, ("/secret.mesa", Specs.Maze));
        var diagnostic = Check.Single(compilation, ImportOutsideWorkspace);
        Assert.Equal(annotated.Spans[0], diagnostic.Span);
        Assert.Single(compilation.Trees);
    }

    [Fact]
    public void A_missing_import_is_reported_on_its_path() =>
        Assert.Equal("/ws/main.mesa", Check.Single(Compile("import \"nowhere.mesa\"\n"), ImportNotFound).Path);

    [Fact]
    public void Without_a_resolver_imports_are_not_found() =>
        Check.Single(Compilation.Create("import \"x.mesa\"\n"), ImportNotFound);

    [Fact]
    public void Diagnostics_of_imported_files_carry_their_path()
    {
        var compilation = Compile("import \"lib.mesa\"\n", ("/ws/lib.mesa", "environment E {\n  grid 5 x 5\n  item a spawn cell(9, 9)\n}\n"));
        Assert.Equal("/ws/lib.mesa", Check.Single(compilation, RegionOutsideGrid).Path);
    }
}
