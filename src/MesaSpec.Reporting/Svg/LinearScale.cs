namespace MesaSpec.Reporting.Svg;

/// <summary>Maps a data range onto pixels, with "nice" tick values (1, 2, 5 times a power of ten).</summary>
internal sealed class LinearScale
{
    private readonly double pixelFrom;
    private readonly double pixelTo;

    public LinearScale(double min, double max, double pixelFrom, double pixelTo, bool nice = true)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }
        if (max - min < 1e-12)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }
        Step = NiceStep((max - min) / 5);
        if (nice)
        {
            min = Math.Floor(min / Step) * Step;
            max = Math.Ceiling(max / Step) * Step;
        }
        Min = min;
        Max = max;
        this.pixelFrom = pixelFrom;
        this.pixelTo = pixelTo;
    }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    public double this[double value] => pixelFrom + (value - Min) / (Max - Min) * (pixelTo - pixelFrom);

    public IEnumerable<double> Ticks()
    {
        for (var t = Math.Ceiling(Min / Step - 1e-9) * Step; t <= Max + Step * 1e-6; t += Step)
        {
            yield return Math.Abs(t) < Step * 1e-9 ? 0 : t;
        }
    }

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
