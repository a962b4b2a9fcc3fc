namespace Metodist.Web.Infrastructure.Web;

/// <summary>Page links for a list: the first, the last and a window around the current page.</summary>
public sealed record PagerModel(int Current, int PageCount, Func<int, string> Link)
{
    /// <summary>Page numbers to show, with 0 where a gap is.</summary>
    public IEnumerable<int> Window()
    {
        var last = 0;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Current) <= 2)
            {
                if (last != 0 && p - last > 1) yield return 0;
                yield return p;
                last = p;
            }
        }
    }
}
