using MesaSpec.Language.Syntax;
using MesaSpec.LanguageServer.Features.Hover;
using MesaSpec.LanguageServer.Features.Shared;
using MesaSpec.LanguageServer.Protocol;
using MesaSpec.LanguageServer.Workspace;

namespace MesaSpec.LanguageServer.Features.SignatureHelp;

/// <summary><c>textDocument/signatureHelp</c> inside component calls, parameterised references and the language's region/metric forms.</summary>
public static class SignatureHelpHandler
{
    public static Protocol.SignatureHelp? Help(DocumentAnalysis analysis, Position position)
    {
        var text = analysis.Text;
        var offset = text.ToOffset(position);
        if (CallContext.Find(text, offset) is not { } call)
        {
            return null;
        }
        var compilation = analysis.Compilation;
        SignatureInformation signature;
        IReadOnlyList<string> names;
        if (HoverHandler.FindComponent(compilation, call.Name) is { } component)
        {
            names = [.. component.Parameters.Select(p => p.Name)];
            signature = new SignatureInformation(component.Signature, MarkupContent.Markdown(component.Doc),
                [.. component.Parameters.Select(p => new ParameterInformation(p.Signature, MarkupContent.Markdown(SymbolDescriptions.ComponentParameterDoc(p))))]);
        }
        else if (compilation.Symbols.Lookup(call.Name) is { Parameters.Count: > 0 } declaration)
        {
            names = [.. declaration.Parameters.Select(p => p.Name)];
            signature = new SignatureInformation(SymbolDescriptions.Heading(declaration), null,
                [.. declaration.Parameters.Select(p => new ParameterInformation(SymbolDescriptions.Parameter(p)["parameter ".Length..]))]);
        }
        else if (BuiltinCalls.Find(call.Name) is { } form)
        {
            names = [.. form.Parameters.Select(p => p.Label.Split(':')[0].Trim())];
            signature = new SignatureInformation($"{form.Name}({string.Join(", ", form.Parameters.Select(p => p.Label))})", MarkupContent.Markdown(form.Doc),
                [.. form.Parameters.Select(p => new ParameterInformation(p.Label, MarkupContent.Markdown(p.Doc)))]);
        }
        else
        {
            return null;
        }
        var active = call.CurrentArgumentName is { } name && names.ToList().IndexOf(name) is >= 0 and var named ? named : call.ArgumentIndex;
        active = Math.Min(active, Math.Max(0, names.Count - 1));
        return new Protocol.SignatureHelp([signature with { ActiveParameter = active }], 0, active);
    }
}
