namespace Metodist.Web.Features.Demo;

/// <summary>The draws every part of the demo makes from its own seeded streams, so that a region is the same each time it is built.</summary>
internal static class DemoRandom
{
    /// <summary>A version-4 id from a seeded stream: the same stream gives the same ids.</summary>
    public static Guid NextGuid(this Random ids)
    {
        Span<byte> bytes = stackalloc byte[16];
        ids.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>An index drawn in proportion to <paramref name="weights"/>.</summary>
    public static int PickIndex(this Random rng, double[] weights)
    {
        var roll = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary>A normally distributed value (Box–Muller).</summary>
    public static double Normal(this Random rng, double mean, double deviation)
    {
        var u = 1.0 - rng.NextDouble();
        var v = rng.NextDouble();
        return mean + deviation * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A day between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static DateOnly Day(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(from.DayNumber + rng.Next(0, to.DayNumber - from.DayNumber + 1));
}
