using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Checks of relative spawn regions (<c>near(anchor, d)</c>) once an environment's items are known: every anchor
/// is the agent or one of its item kinds (MS2036), and no chain of anchors comes back to where it started (MS2035),
/// so the level generator can always place anchors before what is near them.
/// </summary>
internal static class RelativePlacementChecks
{
    /// <summary>What is placed (the agent or an item kind), its spawn region and where that region was written.</summary>
    public sealed record Placement(string Name, RegionModel Region, RegionSyntax Syntax, FileDiagnostics Diagnostics);

    /// <param name="kinds">Every item kind the environment declares, built or not, so one bad item line is not reported again as an unknown anchor.</param>
    /// <param name="own">The environment's own declaration: a cycle is reported where this environment closes it, not in the one it extends.</param>
    public static bool Check(string environment, IReadOnlyList<Placement> placements, IReadOnlyList<string> kinds, DeclarationSymbol own)
    {
        var ok = true;
        foreach (var placement in placements)
        {
            foreach (var anchor in RegionMath.Anchors(placement.Region))
            {
                if (anchor == RegionWords.Agent || kinds.Contains(anchor))
                {
                    continue;
                }
                var at = AnchorSyntax(placement.Syntax, anchor)?.Span ?? placement.Syntax.Span;
                placement.Diagnostics.Report(DiagnosticCatalog.AnchorUnknown(at, environment, anchor, kinds,
                    NameSuggestions.Closest(anchor, kinds.Append(RegionWords.Agent))));
                ok = false;
            }
        }
        return ok && CheckCycles(environment, placements, own);
    }

    private static bool CheckCycles(string environment, IReadOnlyList<Placement> placements, DeclarationSymbol own)
    {
        var byName = placements.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in placements)
        {
            var path = new List<string>();
            if (FindCycle(start.Name, byName, done, path) is { } cycle)
            {
                var at = cycle.Take(cycle.Count - 1).Select(n => byName[n]).FirstOrDefault(p => Within(p, own)) ?? byName[cycle[0]];
                at.Diagnostics.Report(DiagnosticCatalog.PlacementCycle(at.Syntax.Span, environment, Rotate(cycle, at.Name)));
                return false;
            }
        }
        return true;
    }

    private static bool Within(Placement placement, DeclarationSymbol declaration) =>
        placement.Diagnostics.Tree == declaration.Tree
        && placement.Syntax.Span.Start >= declaration.Syntax.Span.Start && placement.Syntax.Span.End <= declaration.Syntax.Span.End;

    /// <summary>The same cycle read from <paramref name="start"/>: <c>a b c a</c> from <c>b</c> is <c>b c a b</c>.</summary>
    private static List<string> Rotate(List<string> cycle, string start)
    {
        var ring = cycle.Take(cycle.Count - 1).ToList();
        var at = ring.IndexOf(start);
        return [.. ring.Skip(at), .. ring.Take(at), start];
    }

    /// <summary>A depth-first walk along anchors; returns the names of a cycle, its first name repeated at the end.</summary>
    private static List<string>? FindCycle(string name, Dictionary<string, Placement> byName, HashSet<string> done, List<string> path)
    {
        if (path.IndexOf(name) is var at and >= 0)
        {
            return [.. path.Skip(at), name];
        }
        if (done.Contains(name) || !byName.TryGetValue(name, out var placement))
        {
            return null;
        }
        path.Add(name);
        foreach (var anchor in RegionMath.Anchors(placement.Region))
        {
            if (FindCycle(anchor, byName, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        done.Add(name);
        return null;
    }

    private static ExpressionSyntax? AnchorSyntax(RegionSyntax region, string anchor) =>
        region.DescendantsAndSelf().OfType<RegionCallSyntax>()
            .Where(c => c.Function.Text == RegionWords.Near && c.Arguments is { Arguments.Length: > 0 })
            .Select(c => c.Arguments!.Arguments[0].Value)
            .FirstOrDefault(v => v is NameExpressionSyntax n && n.Name.Text == anchor);
}
