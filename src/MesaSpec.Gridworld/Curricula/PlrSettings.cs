namespace MesaSpec.Gridworld.Curricula;

/// <summary>
/// The parameters of prioritised level replay (Jiang et al. 2021): how many levels the buffer keeps, how often an
/// episode replays one, how sharply the rank of its score decides which (<see cref="Temperature"/>: lower is greedier),
/// and how much of the choice goes to the level least recently played (<see cref="Staleness"/>), and whether fresh levels
/// are only scored (<see cref="Robust"/>).
/// </summary>
public sealed record PlrSettings(int Capacity, double Replay, double Temperature, double Staleness)
{
    /// <summary>PLR⊥ (Jiang et al. 2021, "robust"): the model learns from replayed levels only; fresh levels are only scored.</summary>
    public bool Robust { get; init; }

    /// <summary>The parameters the buffer cannot work with; the binder's ranges keep a spec from getting here.</summary>
    public void Validate()
    {
        if (Capacity < 1 || Replay is < 0 or > 1 || !(Temperature > 0) || double.IsInfinity(Temperature) || Staleness is < 0 or > 1)
        {
            throw new ArgumentException($"prioritised level replay needs buffer >= 1, replay and staleness in [0, 1], temperature > 0; got {this}");
        }
    }
}
