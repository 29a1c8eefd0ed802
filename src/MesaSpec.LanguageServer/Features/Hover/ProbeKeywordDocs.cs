using MesaSpec.Language.Vocabulary;

namespace MesaSpec.LanguageServer.Features.Hover;

/// <summary>What the words of probes and steering mean; part of <see cref="KeywordDocs.All"/>.</summary>
internal static class ProbeKeywordDocs
{
    public static IEnumerable<KeyValuePair<string, string>> Entries =>
    [
        new("probe", "**probe** NAME: FEATURE(O, ...) at layer K: a linear probe of a feature of the state (`cell_of`, `distance_to`, `closer`) read from trunk layer K of the trained model, fitted on some evaluation levels and scored on held-out ones against chance. In an expectation, " + ProbeWords.ProbeDoc),
        new("steer", "**steer** NAME by S: evaluate again on the same levels with S times the probe's unit direction added to its layer, and report how each objective's score moves (a steering vector, as the cheese vector of Mini, Grietzer et al. 2023)."),
        new(ProbeWords.Layer, $"**{ProbeWords.Layer}** K: trunk layer K of the model, from 1: the hidden layers of an `mlp`, the convolutions and then the dense layer of a `cnn`."),
        new("at", "**at** layer K: which layer of the model a probe reads; after a reward, **at most** N: it pays at most N times per episode."),
        new("by", "**by** S: the steering vector's length, in units of the layer's activations (negative: against the probe's direction)."),
        new(ProbeWords.Chance, ProbeWords.ChanceDoc),
    ];
}
