using System.Runtime.InteropServices;
using MesaSpec.Gridworld.Dynamics;
using MesaSpec.Language.Binding;
using MesaSpec.Language.Model;

namespace MesaSpec.Gridworld.Tests;

/// <summary>
/// The observation is written plane by plane in bulk (the wall plane converted from the level's bytes, the other
/// planes cleared and lit where items are); it must be, bit for bit, the observation drawn cell by cell from the
/// state, after every step of long random runs with resets, across walls, inventories, shared channels and entities.
/// </summary>
public sealed class ObservationTests
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

    /// <summary>A window: the grid around the agent, off-grid cells as walls.</summary>
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
          cue deployment
        }
        objective O {
          reward +10 when agent reaches cheese
          end when agent reaches cheese
        }
        """;

    /// <summary>Items on items (a cheese on each dish, a key on a chest) seen whole and through a window.</summary>
    private const string Stacked = """
        environment E {
          grid 7 x 7
          walls maze
          agent spawn anywhere
          item dish shape dish count 3
          item cheese colour yellow count 2 spawn on(dish)
          item chest behaviour chest count 2
          item key behaviour key count 2 spawn on(chest)
          item monster behaviour monster moves chase(agent)
          horizon 30
        }
        objective O {
          reward +1 when agent collects cheese
          reward +1 when agent opens chest
        }
        """;

    [Theory]
    [InlineData(Stacked, true, true)]
    [InlineData(Monsters, true, false)]
    [InlineData(Keys, false, true)]
    [InlineData(SharedChannels, true, false)]
    [InlineData(Window, true, false)]
    public void The_observation_is_the_one_drawn_cell_by_cell_after_every_step(string spec, bool entitiesMove, bool holds)
    {
        var compilation = Compilation.Create(spec);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var model = compilation.InstantiateEnvironment(compilation.Symbols.Lookup("E")!)!;
        var objective = compilation.InstantiateObjective(compilation.Symbols.Lookup("O")!)!;
        const int count = 8;
        var environment = GridVectorEnvironment.ForTraining(model, objective, count, seed: 5);
        var drawn = new CellByCell(model, environment);
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
                continue; // some steps go unobserved: an observation never depends on the one before it
            }
            if (t % 5 == 0)
            {
                var slot = t % count;
                environment.Observe(slot, one);
                AssertDrawn(environment, drawn, slot, one, expected, t);
                continue;
            }
            environment.Observe(observed);
            for (var i = 0; i < count; i++)
            {
                AssertDrawn(environment, drawn, i, observed.AsSpan(i * size, size), expected, t);
            }
        }
        Assert.True(resets > 100, $"{resets} resets");
        Assert.True(!entitiesMove || moves > 100, $"{moves} entity moves");
        Assert.True(!holds || heldSteps > 1000, $"{heldSteps} steps holding something");
    }

    private static void AssertDrawn(GridVectorEnvironment environment, CellByCell drawn, int slot, ReadOnlySpan<float> observed, float[] expected, int step)
    {
        drawn.Draw(slot, expected);
        if (!MemoryMarshal.AsBytes(observed).SequenceEqual(MemoryMarshal.AsBytes(expected.AsSpan())))
        {
            var at = 0;
            while (observed[at].Equals(expected[at]))
            {
                at++;
            }
            Assert.Fail($"step {step}, slot {slot}: float {at} is {observed[at]}, drawn cell by cell it is {expected[at]}");
        }
    }

    /// <summary>The observation as the layout defines it, one cell at a time: the reference the bulk writer must match.</summary>
    private sealed class CellByCell(EnvironmentModel model, GridVectorEnvironment environment)
    {
        private readonly ObservationLayout layout = ObservationLayout.For(model);
        private readonly int window = model.Observation is WindowObservation w ? w.Size : 0;

        public void Draw(int slot, Span<float> expected)
        {
            expected.Clear();
            var level = environment.LevelOf(slot);
            var shape = environment.ObservationShape;
            var plane = shape.Height * shape.Width;
            int ax = environment.AgentCell(slot) % level.Width, ay = environment.AgentCell(slot) / level.Width;
            int? At(int cell)
            {
                int x = cell % level.Width, y = cell / level.Width;
                if (window > 0)
                {
                    (x, y) = (x - ax + window / 2, y - ay + window / 2);
                }
                return x < 0 || y < 0 || x >= shape.Width || y >= shape.Height ? null : y * shape.Width + x;
            }
            for (var oy = 0; oy < shape.Height; oy++)
            {
                for (var ox = 0; ox < shape.Width; ox++)
                {
                    int x = window > 0 ? ax + ox - window / 2 : ox, y = window > 0 ? ay + oy - window / 2 : oy;
                    var offGrid = x < 0 || y < 0 || x >= level.Width || y >= level.Height;
                    expected[oy * shape.Width + ox] = offGrid || level.Walls[y * level.Width + x] ? 1f : 0f;
                }
            }
            expected[plane + At(environment.AgentCell(slot))!.Value] = 1f;
            var items = environment.Items;
            var alive = environment.AliveItems(slot);
            for (var item = 0; item < items.ItemCount; item++)
            {
                var entity = items.EntityOfItem[item];
                if ((alive & (1UL << item)) == 0 || At(entity >= 0 ? environment.EntityCells(slot)[entity] : level.ItemCells[item]) is not { } at)
                {
                    continue;
                }
                foreach (var channel in layout.ChannelsOf(items.Kinds[items.KindOfItem[item]]))
                {
                    expected[channel * plane + at] = 1f;
                }
            }
            for (var item = 0; item < items.ItemCount; item++)
            {
                if ((environment.HeldKeys(slot) & (1UL << item)) != 0)
                {
                    var channel = layout.InventoryChannelOf(items.Kinds[items.KindOfItem[item]]);
                    for (var c = 0; c < plane; c++)
                    {
                        expected[channel * plane + c] += 1f;
                    }
                }
            }
            if (layout.CueChannelOf(model) is var cue and >= 0)
            {
                for (var c = 0; c < plane; c++)
                {
                    expected[cue * plane + c] = 1f;
                }
            }
        }
    }

    [Fact]
    public void A_cue_lights_its_own_plane_in_the_environments_that_carry_it_and_only_there()
    {
        var compilation = Compilation.Create("""
            environment Training {
              grid 5 x 5
              walls maze
              item cheese
              cue training
            }
            environment Deployment extends Training {
              cue deployment
            }
            environment Plain extends Training {
              cue none
            }
            objective O {
              reward +1 when agent reaches cheese
              end when agent reaches cheese
            }
            """);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var environments = new[] { "Training", "Deployment", "Plain" }.Select(n => compilation.InstantiateEnvironment(compilation.Symbols.Lookup(n)!)!).ToArray();
        var objective = compilation.InstantiateObjective(compilation.Symbols.Lookup("O")!)!;
        var layout = ObservationLayout.For(environments);
        Assert.Equal("walls, agent, kind cheese, cue deployment, cue training", layout.ToString());
        var plane = 25;
        foreach (var model in environments)
        {
            var environment = GridVectorEnvironment.ForTraining(model, objective, 1, seed: 1, layout);
            var observation = new float[environment.ObservationShape.Size];
            environment.Observe(0, observation);
            Assert.Equal(5, environment.ObservationShape.Channels);
            var lit = Enumerable.Range(3, 2).Where(c => observation.AsSpan(c * plane, plane).ToArray().All(v => v == 1f)).ToArray();
            var dark = Enumerable.Range(3, 2).Where(c => observation.AsSpan(c * plane, plane).ToArray().All(v => v == 0f)).ToArray();
            int[] expectedLit = model.Name switch { "Deployment" => [3], "Training" => [4], _ => [] };
            Assert.Equal(expectedLit, lit);
            Assert.Equal(2 - expectedLit.Length, dark.Length);
        }
    }
}
