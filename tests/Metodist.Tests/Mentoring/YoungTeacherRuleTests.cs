using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Mentoring;

/// <summary>
/// The edges of the young-teacher rule (under 35 and at most three years of pedagogical work) that the registry's own tests
/// leave out: the day after the 35th birthday, birthdays and work starts on 29 February, a start today, and the SQL bounds
/// (<see cref="TeacherRules.YoungBornAfter"/>, <see cref="TeacherRules.YoungStartedOnOrAfter"/>) agreeing with the rule.
/// </summary>
[Trait("Category", "Unit")]
public sealed class YoungTeacherRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly RecentStart = new(2025, 9, 1);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void TeacherWhoTurnedThirtyFiveYesterdayIsNotYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(1991, 11, 21), RecentStart, Today).Should().BeFalse();

    [Fact]
    public void TeacherWhoStartedTodayIsYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(2000, 1, 1), Today, Today).Should().BeTrue();

    [Theory]
    [InlineData("2027-02-27", true)]
    [InlineData("2027-02-28", false)]
    [InlineData("2027-03-01", false)]
    [InlineData("2028-02-28", false)]
    public void TeacherBornOnTheTwentyNinthOfFebruaryTurnsThirtyFiveOnTheLastDayOfFebruary(string today, bool young) =>
        TeacherRules.IsYoungTeacher(new DateOnly(1992, 2, 29), D(today).AddMonths(-6), D(today)).Should().Be(young);

    [Theory]
    [InlineData("2027-02-28", true)]
    [InlineData("2027-03-01", false)]
    public void WorkStartedOnTheTwentyNinthOfFebruaryCountsThreeYearsOnTheLastDayOfFebruary(string today, bool young) =>
        TeacherRules.IsYoungTeacher(new DateOnly(2000, 6, 1), new DateOnly(2024, 2, 29), D(today)).Should().Be(young);

    [Fact]
    public void TheBoundsUsedInQueriesAgreeWithTheRuleOnEveryDayOfFourYears()
    {
        var disagreements = new List<string>();
        for (var today = new DateOnly(2026, 1, 1); today <= new DateOnly(2029, 12, 31); today = today.AddDays(1))
        {
            var bornAfter = TeacherRules.YoungBornAfter(today);
            var startedFrom = TeacherRules.YoungStartedOnOrAfter(today);
            foreach (var birth in new[] { today.AddYears(-35).AddDays(-1), today.AddYears(-35), today.AddYears(-35).AddDays(1) })
            {
                foreach (var start in new[] { today.AddYears(-3).AddDays(-1), today.AddYears(-3), today.AddYears(-3).AddDays(1), today, today.AddDays(1) })
                {
                    var byQuery = birth > bornAfter && start >= startedFrom && start <= today;
                    if (byQuery != TeacherRules.IsYoungTeacher(birth, start, today)) disagreements.Add($"{today:yyyy-MM-dd}: born {birth:yyyy-MM-dd}, started {start:yyyy-MM-dd}");
                }
            }
        }
        disagreements.Should().BeEmpty();
    }
}
