using System.Collections.Concurrent;

namespace Metodist.Web.Features.Consultations;

/// <summary>
/// Working days of the Russian calendar, for the due date of a consultation request.
/// <list type="bullet">
/// <item>Saturdays and Sundays are days off.</item>
/// <item>Non-working holidays (Labour Code art. 112): 1–8 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November.</item>
/// <item>A holiday other than the January ones that falls on a Saturday or a Sunday moves to the next working day (art. 112 part 2).</item>
/// </list>
/// Not modelled: the government's yearly decree that moves days off (the two January holidays that fall on a weekend are
/// moved to other dates of the year, and some Saturdays become working days to make bridges). A due date may therefore
/// differ by a day or two from the official production calendar of a given year; the rule errs towards a day more.
/// </summary>
public static class WorkingDays
{
    /// <summary>The holidays of art. 112 that move to the next working day when they fall on a weekend (all but January's).</summary>
    private static readonly (int Month, int Day)[] MovableHolidays = [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)];

    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> DaysOffByYear = new();

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A non-working holiday of art. 112 (the date itself, whatever the day of the week).</summary>
    public static bool IsHoliday(DateOnly day) =>
        (day.Month == 1 && day.Day <= 8) || MovableHolidays.Contains((day.Month, day.Day));

    /// <summary>A weekday that is off because a holiday fell on the weekend before it.</summary>
    public static bool IsTransferredDayOff(DateOnly day) => !IsWeekend(day) && !IsHoliday(day) && DaysOff(day.Year).Contains(day);

    public static bool IsWorkingDay(DateOnly day) => !DaysOff(day.Year).Contains(day);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="receivedOn"/>: the day of receipt itself does not
    /// count, whatever it is (a request that arrives on Friday with 10 days is due on the second Friday after).
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly receivedOn, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = receivedOn;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>The days off of a year that are not Saturdays or Sundays anyway: holidays on weekdays and the days they moved to.</summary>
    private static HashSet<DateOnly> DaysOff(int year) => DaysOffByYear.GetOrAdd(year, static y =>
    {
        var off = new HashSet<DateOnly>();
        for (var day = new DateOnly(y, 1, 1); day.Year == y; day = day.AddDays(1))
        {
            if (IsWeekend(day) || IsHoliday(day)) off.Add(day);
        }
        foreach (var (month, dayOfMonth) in MovableHolidays)
        {
            var holiday = new DateOnly(y, month, dayOfMonth);
            if (!IsWeekend(holiday)) continue;
            var moved = holiday.AddDays(1);
            while (off.Contains(moved)) moved = moved.AddDays(1);
            off.Add(moved);
        }
        return off;
    });
}
