using Metodist.Web.Features.Consultations;

namespace Metodist.Tests.Consultations;

[Trait("Category", "Unit")]
public sealed class WorkingDaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void SaturdaysAndSundaysAreDaysOff()
    {
        WorkingDays.IsWorkingDay(D(2026, 11, 21)).Should().BeFalse();
        WorkingDays.IsWorkingDay(D(2026, 11, 22)).Should().BeFalse();
        WorkingDays.IsWorkingDay(D(2026, 11, 20)).Should().BeTrue();
        WorkingDays.IsWorkingDay(D(2026, 11, 23)).Should().BeTrue();
    }

    [Theory]
    [InlineData(2026, 2, 23)]
    [InlineData(2026, 5, 1)]
    [InlineData(2026, 6, 12)]
    [InlineData(2026, 11, 4)]
    [InlineData(2027, 3, 8)]
    public void HolidaysOnWeekdaysAreDaysOff(int year, int month, int day)
    {
        var holiday = D(year, month, day);
        WorkingDays.IsWeekend(holiday).Should().BeFalse();
        WorkingDays.IsHoliday(holiday).Should().BeTrue();
        WorkingDays.IsWorkingDay(holiday).Should().BeFalse();
    }

    [Fact]
    public void EveryDayOfTheJanuaryHolidaysIsOffAndTheNinthIsNot()
    {
        for (var day = 1; day <= 8; day++) WorkingDays.IsWorkingDay(D(2026, 1, day)).Should().BeFalse($"1–8 января — нерабочие, {day} января");
        WorkingDays.IsWorkingDay(D(2026, 1, 9)).Should().BeTrue();
    }

    [Theory]
    [InlineData(2026, 3, 8, 2026, 3, 9)]
    [InlineData(2026, 5, 9, 2026, 5, 11)]
    [InlineData(2027, 5, 1, 2027, 5, 3)]
    [InlineData(2027, 5, 9, 2027, 5, 10)]
    [InlineData(2027, 6, 12, 2027, 6, 14)]
    [InlineData(2030, 2, 23, 2030, 2, 25)]
    [InlineData(2028, 11, 4, 2028, 11, 6)]
    public void HolidayOnAWeekendMovesToTheNextWorkingDay(int year, int month, int day, int offYear, int offMonth, int offDay)
    {
        WorkingDays.IsWeekend(D(year, month, day)).Should().BeTrue();
        var moved = D(offYear, offMonth, offDay);
        WorkingDays.IsTransferredDayOff(moved).Should().BeTrue();
        WorkingDays.IsWorkingDay(moved).Should().BeFalse();
        WorkingDays.IsWorkingDay(moved.AddDays(1)).Should().BeTrue();
    }

    [Fact]
    public void JanuaryHolidaysOnAWeekendDoNotMoveByThemselves()
    {
        // 1 January 2028 is a Saturday: only the government's decree moves it, and decrees are not modelled.
        WorkingDays.IsWeekend(D(2028, 1, 1)).Should().BeTrue();
        WorkingDays.IsWorkingDay(D(2028, 1, 10)).Should().BeTrue();
        WorkingDays.IsTransferredDayOff(D(2028, 1, 10)).Should().BeFalse();
    }

    [Theory]
    [InlineData(2026, 10, 5, 2026, 10, 19)]
    [InlineData(2026, 10, 7, 2026, 10, 21)]
    [InlineData(2026, 10, 9, 2026, 10, 23)]
    [InlineData(2026, 10, 10, 2026, 10, 23)]
    [InlineData(2026, 10, 11, 2026, 10, 23)]
    [InlineData(2026, 11, 22, 2026, 12, 4)]
    public void TenWorkingDaysWithoutHolidaysEndTwoWeeksOnSkippingTheDayOfReceipt(int year, int month, int day, int dueYear, int dueMonth, int dueDay) =>
        WorkingDays.AddWorkingDays(D(year, month, day), 10).Should().Be(D(dueYear, dueMonth, dueDay));

    [Fact]
    public void HolidayInsideThePeriodPushesTheDueDateByADay() =>
        WorkingDays.AddWorkingDays(D(2026, 10, 28), 10).Should().Be(D(2026, 11, 12));

    [Fact]
    public void MayHolidaysAndTheirTransferAreSkipped() =>
        WorkingDays.AddWorkingDays(D(2026, 4, 30), 10).Should().Be(D(2026, 5, 18));

    [Fact]
    public void PeriodOverTheNewYearSkipsTheJanuaryHolidays() =>
        WorkingDays.AddWorkingDays(D(2026, 12, 30), 10).Should().Be(D(2027, 1, 21));

    [Fact]
    public void RequestReceivedOnAHolidayCountsFromTheNextWorkingDay() =>
        WorkingDays.AddWorkingDays(D(2027, 1, 3), 1).Should().Be(D(2027, 1, 11));

    [Fact]
    public void ZeroWorkingDaysIsTheDayOfReceipt() =>
        WorkingDays.AddWorkingDays(D(2026, 11, 22), 0).Should().Be(D(2026, 11, 22));
}
