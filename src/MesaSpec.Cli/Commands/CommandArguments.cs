namespace MesaSpec.Cli.Commands;

/// <summary>
/// The small argument grammar every verb shares: positional paths, boolean flags and
/// <c>--name value</c> / <c>--name=value</c> options. Unknown options are errors, not silently ignored.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> all;

    private CommandArguments(List<string> positional, HashSet<string> flags, Dictionary<string, string> options, Dictionary<string, List<string>> all)
    {
        Positional = positional;
        Flags = flags;
        Options = options;
        this.all = all;
    }

    public IReadOnlyList<string> Positional { get; }

    public IReadOnlySet<string> Flags { get; }

    /// <summary>Each option's value; the last one when it is given several times.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>Every value of an option given several times (e.g. <c>--sbatch-arg</c>), in order.</summary>
    public IReadOnlyList<string> All(string option) => all.TryGetValue(option, out var values) ? values : [];

    public static CommandArguments? Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags, IReadOnlySet<string> options, out string? error)
    {
        var positional = new List<string>();
        var setFlags = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (flags.Contains(name) && equals < 0)
            {
                setFlags.Add(name);
            }
            else if (options.Contains(name))
            {
                if (equals >= 0)
                {
                    values[name] = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    values[name] = args[++i];
                }
                else
                {
                    error = $"option '{name}' needs a value";
                    return null;
                }
                if (!all.TryGetValue(name, out var list))
                {
                    all[name] = list = [];
                }
                list.Add(values[name]);
            }
            else
            {
                error = $"unknown option '{arg}'";
                return null;
            }
        }
        return new CommandArguments(positional, setFlags, values, all);
    }
}
