using System.Reflection;
using MesaSpec.LanguageServer.Server;

namespace MesaSpec.LanguageServer.Tests;

/// <summary>The server ships alone (in the VS Code extension): it must never load TorchSharp or the runtime.</summary>
public class ArchitectureTests
{
    private static readonly string[] Forbidden = ["TorchSharp", "MesaSpec.Runtime", "MesaSpec.Experiments", "mesaspec"];

    [Fact]
    public void The_server_reference_graph_contains_neither_TorchSharp_nor_the_runtime()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>([typeof(LanguageServerHost).Assembly]);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                Assert.DoesNotContain(reference.Name, Forbidden);
                Assert.False(reference.Name!.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase), reference.Name);
                if (seen.Add(reference.Name!) && reference.Name!.StartsWith("MesaSpec", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }
        Assert.Contains("MesaSpec.Language", seen);
        Assert.Contains("MesaSpec.Gridworld", seen);
        Assert.Contains("StreamJsonRpc", seen);
    }

    [Fact]
    public void The_server_project_references_only_the_language_the_workspace_rule_and_the_gridworld()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "MesaSpec.LanguageServer", "MesaSpec.LanguageServer.csproj"));
        var references = System.Text.RegularExpressions.Regex.Matches(project, "ProjectReference Include=\"([^\"]+)\"").Select(m => Path.GetFileNameWithoutExtension(m.Groups[1].Value.Replace('\\', '/'))).ToList();
        Assert.Equal(["MesaSpec.Language", "MesaSpec.Workspaces", "MesaSpec.Gridworld"], references);
        // The shared workspace rule (and its plugin loader) may reference only the Language, or it could carry TorchSharp in.
        var workspaces = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "MesaSpec.Workspaces", "MesaSpec.Workspaces.csproj"));
        Assert.Equal(["MesaSpec.Language"], System.Text.RegularExpressions.Regex.Matches(workspaces, "Reference Include=\"([^\"]+)\"").Select(m => Path.GetFileNameWithoutExtension(m.Groups[1].Value.Replace('\\', '/'))));
        Assert.DoesNotContain("PackageReference Include=\"TorchSharp", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase));
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MesaSpec.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("MesaSpec.sln not found above the test folder");
    }
}
