using MesaSpec.Language.Diagnostics;
using MesaSpec.Language.Model;
using MesaSpec.Language.Syntax;
using MesaSpec.Language.Vocabulary;

namespace MesaSpec.Language.Binding;

/// <summary>
/// Checks of relative spawn regions (<c>near(anchor, d)</c>, <c>on(kind)</c>) once an environment's items are known: every
/// anchor is the agent or one of its item kinds (MS2036; <c>on</c> takes item kinds only, MS2038), a region that stacks
/// items places only items and only on items (MS2038, MS2039), and no chain of anchors comes back to where it started
/// (MS2035), so the level generator can always place anchors before what is near or on them.
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
            ok &= CheckStacking(environment, placement);
            foreach (var (function, anchor) in AnchorsOf(placement.Region))
            {
                var at = AnchorSyntax(placement.Syntax, function, anchor)?.Span ?? placement.Syntax.Span;
                if (function == RegionWords.On && anchor == RegionWords.Agent)
                {
                    placement.Diagnostics.Report(DiagnosticCatalog.OnWithAgent(at, environment, agentPlaced: false));
                    ok = false;
                    continue;
                }
                if (anchor == RegionWords.Agent || kinds.Contains(anchor))
                {
                    continue;
                }
                var candidates = function == RegionWords.On ? kinds : kinds.Append(RegionWords.Agent);
                placement.Diagnostics.Report(DiagnosticCatalog.AnchorUnknown(at, function, environment, anchor, kinds,
                    NameSuggestions.Closest(anchor, candidates)));
                ok = false;
            }
        }
        return ok && CheckCycles(environment, placements, own);
    }

    /// <summary>
    /// Only items stack, and a region that stacks adds no cell that is not on an item: the agent is never placed
    /// <c>on</c> (MS2038), and every part an <c>or</c> joins to an <c>on(...)</c> is one too (MS2039).
    /// </summary>
    private static bool CheckStacking(string environment, Placement placement)
    {
        if (placement.Name == RegionWords.Agent && RegionMath.RelativeParts(placement.Region).Any(p => p is OnRegion))
        {
            placement.Diagnostics.Report(DiagnosticCatalog.OnWithAgent(placement.Syntax.Span, environment, agentPlaced: true));
            return false;
        }
        if (RegionMath.Stacks(placement.Region) && !RegionMath.AddingParts(placement.Region).All(p => p is OnRegion))
        {
            placement.Diagnostics.Report(DiagnosticCatalog.OnMixedWithFreeCells(placement.Syntax.Span, placement.Name));
            return false;
        }
        return true;
    }

    /// <summary>Each (region word, anchor) the region is measured from, once, in the order written.</summary>
    private static IEnumerable<(string Function, string Anchor)> AnchorsOf(RegionModel region) =>
        RegionMath.RelativeParts(region).Select(p => p switch
        {
            OnRegion o => (RegionWords.On, o.Anchor),
            NearRegion n => (RegionWords.Near, n.Anchor),
            _ => throw new InvalidOperationException("a relative part is near or on"),
        }).Distinct();

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
                var rotated = Rotate(cycle, at.Name);
                var links = rotated.Zip(rotated.Skip(1), (from, to) => AnchorsOf(byName[from].Region).First(a => a.Anchor == to).Function).ToList();
                at.Diagnostics.Report(DiagnosticCatalog.PlacementCycle(at.Syntax.Span, environment, rotated, links));
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

    private static ExpressionSyntax? AnchorSyntax(RegionSyntax region, string function, string anchor) =>
        region.DescendantsAndSelf().OfType<RegionCallSyntax>()
            .Where(c => c.Function.Text == function && c.Arguments is { Arguments.Length: > 0 })
            .Select(c => c.Arguments!.Arguments[0].Value)
            .FirstOrDefault(v => v is NameExpressionSyntax n && n.Name.Text == anchor);
}
