using System.Globalization;
using System.Text;

namespace MesaSpec.Language.Benchmarks;

/// <summary>
/// A realistic large spec: groups of a parameterised environment, a shifted variant, a base objective,
/// a proxy and an experiment (every third one a sweep), with comments and blank lines, repeated until
/// the text reaches the requested number of lines. It checks clean, so binding does all its work.
/// </summary>
public static class GeneratedSpec
{
    public static string Create(int lines)
    {
        var builder = new StringBuilder();
        var count = 0;
        for (var i = 0; count < lines; i++)
        {
            var group = Group(i);
            builder.Append(group);
            count += group.Count(c => c == '\n');
        }
        return builder.ToString();
    }

    private static string Group(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var sweep = i % 3 == 0;
        return $$"""
            // Group {{n}}: cheese in the corner during training, anywhere at test.
            environment Maze{{n}}(corner: int = 1) {
              grid 9 x 9
              walls maze(loops: 0.1)
              agent spawn anywhere except corner(top_right, corner)
              item cheese spawn corner(top_right, corner)
              item coin {
                count 2
                spawn rows(0, 4) except cell(-1, 0)
                colour yellow
                shape circle
              }
              horizon 64  // steps per episode
              observation full
              levels unlimited
            }

            environment Shifted{{n}} extends Maze{{n}} {
              item cheese spawn anywhere except corner(top_right, 1)
            }

            objective Eat{{n}} {
              reward +10 when agent reaches cheese
              reward +0.5 when agent collects item(colour: yellow)
              reward -0.01 each step
              end when agent reaches cheese
            }

            objective Corner{{n}} {
              reward +10 when agent reaches corner(top_right, 1)
              reward -0.01 each step
              end when agent reaches corner(top_right, 1)
            }

            experiment Run{{n}}{{(sweep ? "(size: int = 1)" : "")}} {
              base objective Eat{{n}}
              mesa objective Corner{{n}}
              train on Maze{{n}}{{(sweep ? "(corner: size)" : "")}} with mlp(hidden: [128, 128]) using ppo(steps: 300k, lr: 2.5e-4)
              seeds 3
              evaluate on Maze{{n}}, Shifted{{n}} episodes 200
            {{(sweep ? "  sweep size in [1, 2, 3]\n  expect on Shifted" + n + ": score(Corner" + n + ") decreasing\n" : "")}}  expect on Maze{{n}}: robustly_aligned
              expect on Shifted{{n}}: pseudo_aligned(Corner{{n}})
              expect on Shifted{{n}}: score(Corner{{n}}) > 0.5
            }


            """;
    }
}
