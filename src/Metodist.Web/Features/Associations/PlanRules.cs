using System.Globalization;
using System.Text.RegularExpressions;

namespace Metodist.Web.Features.Associations;

/// <summary>An academic year «2025-2026»: 1 September of the first year to 31 May of the second.</summary>
public readonly record struct AcademicYear(int FirstYear)
{
    public DateOnly Start => new(FirstYear, 9, 1);
    public DateOnly End => new(FirstYear + 1, 5, 31);

    /// <summary>The calendar year a month of this academic year falls in: September to December the first, the rest the second.</summary>
    public int YearOf(int month) => month >= 8 ? FirstYear : FirstYear + 1;

    public override string ToString() => $"{FirstYear}-{FirstYear + 1}";

    /// <summary>The academic year a day belongs to (from June on, the one about to begin).</summary>
    public static AcademicYear Of(DateOnly day) => new(day.Month >= 6 ? day.Year : day.Year - 1);

    /// <summary>Reads «2025-2026», «2025/2026» or «2025–2026»; null unless the second year follows the first.</summary>
    public static AcademicYear? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Regex.Match(text.Trim(), @"^(\d{4})\s*[-–—/]\s*(\d{4})$");
        if (!match.Success) return null;
        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return second == first + 1 && first is >= 2000 and <= 2100 ? new AcademicYear(first) : null;
    }
}

/// <summary>How a plan item stands against its deadline today.</summary>
public enum ItemProgress
{
    /// <summary>Its time has not come yet (or it runs all period long and the period goes on).</summary>
    Ahead,

    /// <summary>Its month or date is now.</summary>
    Due,

    Done,
    Moved,
    NotDone,

    /// <summary>The deadline passed and nothing says it was done.</summary>
    Late,
}

/// <summary>The timing of one item as the rules read it.</summary>
public sealed record ItemTiming(PlanTiming Timing, int? Month, int? EndMonth, DateOnly? Date);

/// <summary>Deadlines, lateness and execution of plan and road-map items: pure functions of the item, its events and today.</summary>
public static class PlanRules
{
    /// <summary>
    /// The last day the item may be done: the date itself, the last day of its (last) month in the academic year, or the
    /// end of the period for «в течение всего периода» and «в соответствии с графиком».
    /// </summary>
    public static DateOnly Deadline(ItemTiming item, AcademicYear year, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (item.Timing)
        {
            case PlanTiming.Date when item.Date is { } date:
                return date;
            case PlanTiming.Month or PlanTiming.Months when (item.EndMonth ?? item.Month) is { } month:
                var calendarYear = year.YearOf(month);
                return new DateOnly(calendarYear, month, DateTime.DaysInMonth(calendarYear, month));
            default:
                return periodEnd;
        }
    }

    /// <summary>The first day of the item's time: its date, the first day of its (first) month, or the start of the period.</summary>
    public static DateOnly Opens(ItemTiming item, AcademicYear year, DateOnly periodStart)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Timing switch
        {
            PlanTiming.Date when item.Date is { } date => date,
            PlanTiming.Month or PlanTiming.Months when item.Month is { } month => new DateOnly(year.YearOf(month), month, 1),
            _ => periodStart,
        };
    }

    /// <summary>
    /// Where the item stands today. The recorded outcome wins; otherwise an event of the item held on or before today
    /// makes it done, one held after its deadline makes it moved; with none, an item past its deadline is late.
    /// </summary>
    public static ItemProgress Progress(ItemTiming item, PlanItemOutcome outcome, IReadOnlyList<DateOnly> heldEvents, AcademicYear year,
        DateOnly periodStart, DateOnly periodEnd, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(heldEvents);
        switch (outcome)
        {
            case PlanItemOutcome.Done: return ItemProgress.Done;
            case PlanItemOutcome.Moved: return ItemProgress.Moved;
            case PlanItemOutcome.NotDone: return ItemProgress.NotDone;
        }
        var deadline = Deadline(item, year, periodEnd);
        var held = heldEvents.Where(d => d <= today).ToList();
        if (held.Count > 0) return held.Min() > deadline ? ItemProgress.Moved : ItemProgress.Done;
        if (today > deadline) return ItemProgress.Late;
        return today >= Opens(item, year, periodStart) && item.Timing is not (PlanTiming.WholePeriod or PlanTiming.AsScheduled) ? ItemProgress.Due : ItemProgress.Ahead;
    }

    public static string Title(this ItemProgress progress) => progress switch
    {
        ItemProgress.Ahead => "запланировано",
        ItemProgress.Due => "срок наступил",
        ItemProgress.Done => "выполнено",
        ItemProgress.Moved => "перенесено",
        ItemProgress.NotDone => "не выполнено",
        _ => "просрочено",
    };

    public static string Code(this ItemProgress progress) => progress switch
    {
        ItemProgress.Ahead => "ahead",
        ItemProgress.Due => "due",
        ItemProgress.Done => "done",
        ItemProgress.Moved => "moved",
        ItemProgress.NotDone => "notDone",
        _ => "late",
    };

    public static string Badge(this ItemProgress progress) => progress switch
    {
        ItemProgress.Done => "badge ok",
        ItemProgress.Late or ItemProgress.NotDone => "badge bad",
        ItemProgress.Moved or ItemProgress.Due => "badge warn",
        _ => "badge",
    };

    /// <summary>How the plan prints the item's time: «сентябрь 2025», «12.11.2025», «октябрь – ноябрь 2025», «в течение всего периода».</summary>
    public static string TimingText(ItemTiming item, AcademicYear year)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Timing switch
        {
            PlanTiming.Date when item.Date is { } d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            PlanTiming.Month when item.Month is { } m => $"{AssociationTitles.Months[m - 1]} {year.YearOf(m)}",
            PlanTiming.Months when item.Month is { } m && item.EndMonth is { } e =>
                year.YearOf(m) == year.YearOf(e)
                    ? $"{AssociationTitles.Months[m - 1]} – {AssociationTitles.Months[e - 1]} {year.YearOf(e)}"
                    : $"{AssociationTitles.Months[m - 1]} {year.YearOf(m)} – {AssociationTitles.Months[e - 1]} {year.YearOf(e)}",
            PlanTiming.AsScheduled => "в соответствии с графиком проведения",
            _ => "в течение всего периода",
        };
    }

    /// <summary>The report dates of an association («20.12, 20.05») as (day, month) pairs; malformed parts are skipped.</summary>
    public static IReadOnlyList<(int Day, int Month)> ReportDays(string? text)
    {
        var days = new List<(int, int)>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var bits = part.Split('.');
            if (bits.Length == 2 && int.TryParse(bits[0], out var d) && int.TryParse(bits[1], out var m) && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(2024, m))
                days.Add((d, m));
        }
        return days;
    }

    /// <summary>
    /// The report periods of an academic year: each due date closes the period from the day after the previous one (or the
    /// start of the year); seed 000 gives «по 20 декабря» and «по 20 мая».
    /// </summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly DueOn)> ReportPeriods(AcademicYear year, string? reportDates)
    {
        var dues = ReportDays(reportDates)
            .Select(x => new DateOnly(year.YearOf(x.Month), x.Month, Math.Min(x.Day, DateTime.DaysInMonth(year.YearOf(x.Month), x.Month))))
            // A date before the year begins («31.08») closes its summer, a year later.
            .Select(d => d < year.Start ? d.AddYears(1) : d)
            .Distinct().Order().ToList();
        var periods = new List<(DateOnly, DateOnly)>();
        var start = year.Start;
        foreach (var due in dues)
        {
            periods.Add((start, due));
            start = due.AddDays(1);
        }
        return periods;
    }
}

/// <summary>Places and the waiting list of an event.</summary>
public static class Waitlist
{
    /// <summary>Whether a new registration takes a place (true) or waits (false), given the places and those already registered.</summary>
    public static bool HasPlace(int? capacity, int registered) => capacity is not { } places || registered < places;

    /// <summary>
    /// Who moves up when places free or grow: the earliest of the waiting list, as many as there are free places.
    /// </summary>
    public static IReadOnlyList<T> Promote<T>(int? capacity, int registered, IEnumerable<T> waitingInOrder)
    {
        ArgumentNullException.ThrowIfNull(waitingInOrder);
        var free = capacity is { } places ? Math.Max(0, places - registered) : int.MaxValue;
        return waitingInOrder.Take(free).ToList();
    }
}
