using Metodist.Web.Features.Associations;

namespace Metodist.Tests.Associations;

[Trait("Category", "Unit")]
public sealed class PlanRulesTests
{
    private static readonly AcademicYear Year = new(2025);

    private static ItemProgress Progress(ItemTiming timing, DateOnly today, PlanItemOutcome outcome = PlanItemOutcome.Planned, params DateOnly[] held) =>
        PlanRules.Progress(timing, outcome, held, Year, Year.Start, Year.End, today);

    [Theory]
    [InlineData("2025-2026", 2025)]
    [InlineData("2025/2026", 2025)]
    [InlineData(" 2025 – 2026 ", 2025)]
    public void AcademicYearIsReadInTheWaysPeopleWriteIt(string text, int first) => AcademicYear.Parse(text)!.Value.FirstYear.Should().Be(first);

    [Theory]
    [InlineData("2025-2027")]
    [InlineData("2025")]
    [InlineData("учебный год")]
    [InlineData("")]
    public void AcademicYearThatIsNotTwoFollowingYearsIsRefused(string text) => AcademicYear.Parse(text).Should().BeNull();

    [Fact]
    public void MonthsFromSeptemberBelongToTheFirstYearAndTheRestToTheSecond()
    {
        Year.YearOf(9).Should().Be(2025);
        Year.YearOf(12).Should().Be(2025);
        Year.YearOf(1).Should().Be(2026);
        Year.YearOf(5).Should().Be(2026);
        AcademicYear.Of(new DateOnly(2026, 5, 31)).FirstYear.Should().Be(2025);
        AcademicYear.Of(new DateOnly(2026, 6, 1)).FirstYear.Should().Be(2026);
    }

    [Fact]
    public void AMonthlyItemIsDueUntilTheLastDayOfItsMonthAndLateTheDayAfter()
    {
        var november = new ItemTiming(PlanTiming.Month, 11, null, null);
        PlanRules.Deadline(november, Year, Year.End).Should().Be(new DateOnly(2025, 11, 30));
        Progress(november, new DateOnly(2025, 10, 31)).Should().Be(ItemProgress.Ahead);
        Progress(november, new DateOnly(2025, 11, 1)).Should().Be(ItemProgress.Due);
        Progress(november, new DateOnly(2025, 11, 30)).Should().Be(ItemProgress.Due);
        Progress(november, new DateOnly(2025, 12, 1)).Should().Be(ItemProgress.Late);
    }

    [Fact]
    public void AFebruaryItemTakesTheLeapDayOfTheSecondYear()
    {
        var year = new AcademicYear(2027);
        PlanRules.Deadline(new ItemTiming(PlanTiming.Month, 2, null, null), year, year.End).Should().Be(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void ADatedItemIsLateTheDayAfterItsDate()
    {
        var dated = new ItemTiming(PlanTiming.Date, null, null, new DateOnly(2026, 3, 12));
        Progress(dated, new DateOnly(2026, 3, 12)).Should().Be(ItemProgress.Due);
        Progress(dated, new DateOnly(2026, 3, 13)).Should().Be(ItemProgress.Late);
    }

    [Fact]
    public void ASpanOfMonthsRunsToTheEndOfItsLastMonth()
    {
        var span = new ItemTiming(PlanTiming.Months, 10, 11, null);
        PlanRules.Deadline(span, Year, Year.End).Should().Be(new DateOnly(2025, 11, 30));
        PlanRules.TimingText(span, Year).Should().Be("октябрь – ноябрь 2025");
        var across = new ItemTiming(PlanTiming.Months, 9, 5, null);
        PlanRules.TimingText(across, Year).Should().Be("сентябрь 2025 – май 2026");
        Progress(across, new DateOnly(2026, 5, 31)).Should().Be(ItemProgress.Due);
        Progress(across, new DateOnly(2026, 6, 1)).Should().Be(ItemProgress.Late);
    }

    [Fact]
    public void AnItemForTheWholePeriodIsNeverLateWhileThePeriodLasts()
    {
        var whole = new ItemTiming(PlanTiming.WholePeriod, null, null, null);
        PlanRules.TimingText(whole, Year).Should().Be("в течение всего периода");
        Progress(whole, new DateOnly(2025, 9, 1)).Should().Be(ItemProgress.Ahead);
        Progress(whole, new DateOnly(2026, 5, 31)).Should().Be(ItemProgress.Ahead);
        Progress(whole, new DateOnly(2026, 6, 1)).Should().Be(ItemProgress.Late);
        Progress(new ItemTiming(PlanTiming.AsScheduled, null, null, null), new DateOnly(2026, 2, 1)).Should().Be(ItemProgress.Ahead);
    }

    [Fact]
    public void AHeldEventMakesTheItemDoneInItsTimeAndMovedAfterIt()
    {
        var november = new ItemTiming(PlanTiming.Month, 11, null, null);
        Progress(november, new DateOnly(2025, 12, 5), PlanItemOutcome.Planned, new DateOnly(2025, 11, 20)).Should().Be(ItemProgress.Done);
        Progress(november, new DateOnly(2025, 12, 5), PlanItemOutcome.Planned, new DateOnly(2025, 12, 3)).Should().Be(ItemProgress.Moved);
        Progress(november, new DateOnly(2025, 11, 10), PlanItemOutcome.Planned, new DateOnly(2025, 11, 20))
            .Should().Be(ItemProgress.Due, "an event still to come does not do the item");
    }

    [Fact]
    public void TheRecordedOutcomeWinsOverDates()
    {
        var november = new ItemTiming(PlanTiming.Month, 11, null, null);
        Progress(november, new DateOnly(2026, 1, 10), PlanItemOutcome.NotDone).Should().Be(ItemProgress.NotDone);
        Progress(november, new DateOnly(2026, 1, 10), PlanItemOutcome.Done).Should().Be(ItemProgress.Done);
        Progress(november, new DateOnly(2025, 10, 1), PlanItemOutcome.Moved).Should().Be(ItemProgress.Moved);
    }

    [Fact]
    public void ReportPeriodsRunFromTheStartOfTheYearToEachReportDate()
    {
        var periods = PlanRules.ReportPeriods(Year, "20.12, 20.05");
        periods.Should().Equal((new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 20)), (new DateOnly(2025, 12, 21), new DateOnly(2026, 5, 20)));
        PlanRules.ReportDays("31.02, 20.13, x").Should().BeEmpty();
    }

    [Fact]
    public void AReportDateInAugustClosesTheSummerAtTheEndOfTheYear()
    {
        PlanRules.ReportPeriods(Year, "20.12, 20.05, 31.08").Should().Equal(
            (new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 20)), (new DateOnly(2025, 12, 21), new DateOnly(2026, 5, 20)),
            (new DateOnly(2026, 5, 21), new DateOnly(2026, 8, 31)));
    }
}

[Trait("Category", "Unit")]
public sealed class WaitlistTests
{
    [Theory]
    [InlineData(null, 1000, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(1, 0, true)]
    public void APlaceIsTakenWhileThereArePlaces(int? capacity, int registered, bool expected) => Waitlist.HasPlace(capacity, registered).Should().Be(expected);

    [Fact]
    public void TheEarliestWaitingMoveUpAsManyAsThePlacesFreed()
    {
        Waitlist.Promote(5, 3, ["первый", "второй", "третий"]).Should().Equal("первый", "второй");
        Waitlist.Promote(5, 5, ["первый"]).Should().BeEmpty();
        Waitlist.Promote(null, 50, ["первый", "второй"]).Should().Equal("первый", "второй");
        Waitlist.Promote(2, 4, ["первый"]).Should().BeEmpty("a capacity lowered below those registered frees nothing");
    }
}
