using System.Buffers;
using Pidgin.Configuration;

namespace MesaSpec.Language.Parsing;

/// <summary>
/// Pidgin rents a small array for the "expected" list of every labelled parser it enters, which with
/// the shared <see cref="ArrayPool{T}"/> (thread-safe, bucketed) was a fifth of all parse time. Parses
/// run on one thread each, so a per-thread free list of arrays is enough and much cheaper.
/// </summary>
internal sealed class ParserConfiguration : IArrayPoolProvider
{
    public static IConfiguration<char> Instance { get; } = Configuration.Default<char>().WithArrayPoolProvider(new ParserConfiguration());

    public ArrayPool<T> GetArrayPool<T>() => ThreadLocalPool<T>.Instance;

    private sealed class ThreadLocalPool<T> : ArrayPool<T>
    {
        public static readonly ThreadLocalPool<T> Instance = new();

        private const int MaxKept = 64;

        [ThreadStatic]
        private static Stack<T[]>? t_free;

        public override T[] Rent(int minimumLength)
        {
            var free = t_free ??= new Stack<T[]>();
            if (free.TryPeek(out var top) && top.Length >= minimumLength)
            {
                return free.Pop();
            }
            return new T[Math.Max(16, minimumLength)];
        }

        public override void Return(T[] array, bool clearArray = false)
        {
            var free = t_free ??= new Stack<T[]>();
            if (free.Count < MaxKept)
            {
                // Most returns are expected-lists, whose labels and tokens belong to the parsers (alive as long as
                // the process): clearing those frees nothing, and cost a pass over the whole array per list. Other
                // arrays may hold parse results, which a kept array must not keep alive.
                if ((clearArray || System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>()) && typeof(T) != typeof(Pidgin.Expected<char>))
                {
                    Array.Clear(array);
                }
                free.Push(array);
            }
        }
    }
}
