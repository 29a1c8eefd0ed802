using System.Runtime.InteropServices;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Binding;

namespace MesaSpec.Gridworld.Tests;

/// <summary>
/// The environment keeps its observations and rewrites only what a step changed; what it hands out must be, bit for
/// bit, the observation written whole of the state now, after every step of long random runs with resets.
/// </summary>
public sealed class IncrementalObservationTests
{
    /// <summary>The moving-items benchmark: maze walls, a shield held in the inventory, four monsters sharing a channel.</summary>
    private const string Monsters = """
        environment E {
          grid 9 x 9
          walls maze
          agent spawn anywhere
          item cheese spawn anywhere
          item shield behaviour shield
          item monster {
            count 4
            behaviour monster
            moves chase(agent)
          }
          horizon 64
        }
        objective O {
          reward +10 when agent reaches cheese
          reward -1 when agent touches monster unless agent holds shield
          end when agent reaches cheese
        }
        """;

    /// <summary>Keys into the inventory (several of a kind, so a plane counts above 1) and chests that use them up.</summary>
    private const string Keys = """
        environment E {
          grid 5 x 5
          walls none
          agent spawn anywhere
          item key {
            count 3
            spawn anywhere
            behaviour key opens chest
          }
          item chest {
            count 3
            spawn anywhere
            behaviour chest
          }
          item shield {
            count 2
            behaviour shield
          }
          horizon 30
        }
        objective O {
          reward +1 when agent opens chest
        }
        """;

    /// <summary>Channels shared by colour and shape, entities walking over static items and over each other, a hazard that ends episodes.</summary>
    private const string SharedChannels = """
        environment E {
          grid 6 x 6
          walls rooms(count: 2)
          agent spawn anywhere
          item beacon colour red shape circle behaviour static moves wander(0.8)
          item post {
            colour red
            shape square
            count 2
            behaviour static
          }
          item coin {
            colour blue
            shape circle
            count 3
          }
          item bat colour blue shape square behaviour hazard moves flee(agent)
          item ghost {
            colour red
            shape circle
            count 2
            behaviour monster
            moves chase(coin)
          }
          horizon 40
        }
        objective O {
          reward +1 when agent collects coin
        }
        """;

    /// <summary>A window moves with the agent: written whole every step, it must still be the same.</summary>
    private const string Window = """
        environment E {
          grid 7 x 7
          walls maze
          agent spawn anywhere
          item cheese spawn anywhere
          item monster {
            count 2
            behaviour monster
            moves chase(agent)
          }
          horizon 30
          observation window(5)
        }
        objective O {
          reward +10 when agent reaches cheese
          end when agent reaches cheese
        }
        """;

    [Theory]
    [InlineData(Monsters, true, false)]
    [InlineData(Keys, false, true)]
    [InlineData(SharedChannels, true, false)]
    [InlineData(Window, true, false)]
    public void The_kept_observation_is_the_whole_one_after_every_step(string spec, bool entitiesMove, bool holds)
    {
        var compilation = Compilation.Create(spec);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var model = compilation.InstantiateEnvironment(compilation.Symbols.Lookup("E")!)!;
        var objective = compilation.InstantiateObjective(compilation.Symbols.Lookup("O")!)!;
        const int count = 8;
        var environment = GridVectorEnvironment.ForTraining(model, objective, count, seed: 5);
        var whole = new ObservationWriter(model, environment.Items);
        var size = environment.ObservationShape.Size;
        var observed = new float[count * size];
        var expected = new float[size];
        var one = new float[size];
        var random = new RandomActions(11);
        var actions = new int[count];
        var rewards = new float[count];
        var dones = new bool[count];
        var truncated = new bool[count];
        int resets = 0, moves = 0, heldSteps = 0;
        var entitiesBefore = new int[count * environment.Items.EntityCount];
        for (var t = 0; t < 3000; t++)
        {
            random.Fill(actions);
            environment.Step(actions, rewards, dones, truncated);
            for (var i = 0; i < count; i++)
            {
                resets += dones[i] ? 1 : 0;
                heldSteps += environment.HeldKeys(i) != 0 ? 1 : 0;
                var cells = environment.EntityCells(i);
                for (var e = 0; e < cells.Length; e++)
                {
                    moves += !dones[i] && cells[e] != entitiesBefore[i * cells.Length + e] ? 1 : 0;
                    entitiesBefore[i * cells.Length + e] = cells[e];
                }
            }
            if (t % 7 == 3)
            {
                continue; // some steps go unobserved: the next observation catches up over two steps (or a reset)
            }
            if (t % 5 == 0)
            {
                var slot = t % count;
                environment.Observe(slot, one);
                AssertWhole(environment, whole, slot, one, expected, t);
                continue;
            }
            environment.Observe(observed);
            for (var i = 0; i < count; i++)
            {
                AssertWhole(environment, whole, i, observed.AsSpan(i * size, size), expected, t);
            }
        }
        Assert.True(resets > 100, $"{resets} resets");
        Assert.True(!entitiesMove || moves > 100, $"{moves} entity moves");
        Assert.True(!holds || heldSteps > 1000, $"{heldSteps} steps holding something");
    }

    private static void AssertWhole(GridVectorEnvironment environment, ObservationWriter whole, int slot, ReadOnlySpan<float> observed, float[] expected, int step)
    {
        whole.Write(environment.LevelOf(slot), environment.AgentCell(slot), environment.AliveItems(slot), environment.HeldKeys(slot),
            environment.EntityCells(slot), expected);
        if (!MemoryMarshal.AsBytes(observed).SequenceEqual(MemoryMarshal.AsBytes(expected.AsSpan())))
        {
            var at = 0;
            while (observed[at].Equals(expected[at]))
            {
                at++;
            }
            Assert.Fail($"step {step}, slot {slot}: float {at} is {observed[at]}, the whole observation has {expected[at]}");
        }
    }
}
