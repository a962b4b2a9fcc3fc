using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Registry;

[Trait("Category", "Unit")]
public sealed class TeacherRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly RecentStart = new(2025, 9, 1);

    [Fact]
    public void TeacherWhoTurnsThirtyFiveTodayIsNoLongerYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(1991, 11, 22), RecentStart, Today).Should().BeFalse();

    [Fact]
    public void TeacherWhoTurnsThirtyFiveTomorrowIsStillYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(1991, 11, 23), RecentStart, Today).Should().BeTrue();

    [Fact]
    public void TeacherWhoStartedExactlyThreeYearsAgoIsStillYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(1998, 5, 5), new DateOnly(2023, 11, 22), Today).Should().BeTrue();

    [Fact]
    public void TeacherWhoStartedThreeYearsAndOneDayAgoIsNotYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(1998, 5, 5), new DateOnly(2023, 11, 21), Today).Should().BeFalse();

    [Fact]
    public void TeacherWithoutAKnownWorkStartIsNotYoung() =>
        TeacherRules.IsYoungTeacher(new DateOnly(2000, 1, 1), null, Today).Should().BeFalse();

    [Fact]
    public void TeacherWhoseWorkStartsInTheFutureIsNotYoungYet() =>
        TeacherRules.IsYoungTeacher(new DateOnly(2000, 1, 1), Today.AddDays(1), Today).Should().BeFalse();

    [Theory]
    [InlineData(QualificationCategory.Highest)]
    [InlineData(QualificationCategory.TeacherMethodist)]
    public void HighestCategoryAndTeacherMethodistWithFiveYearsAreEligibleForTheAsset(QualificationCategory category) =>
        TeacherRules.IsEligibleForAsset(category, new DateOnly(2021, 11, 22), Today).Should().BeTrue();

    [Theory]
    [InlineData(QualificationCategory.None)]
    [InlineData(QualificationCategory.Conformity)]
    [InlineData(QualificationCategory.First)]
    [InlineData(QualificationCategory.TeacherMentor)]
    public void OtherCategoriesAreNotEligibleForTheAssetWhateverTheExperience(QualificationCategory category) =>
        TeacherRules.IsEligibleForAsset(category, new DateOnly(1990, 9, 1), Today).Should().BeFalse();

    [Fact]
    public void FiveYearsMinusADayOfExperienceIsNotEnoughForTheAsset() =>
        TeacherRules.IsEligibleForAsset(QualificationCategory.Highest, new DateOnly(2021, 11, 23), Today).Should().BeFalse();

    [Fact]
    public void UnknownWorkStartIsNotEligibleForTheAsset() =>
        TeacherRules.IsEligibleForAsset(QualificationCategory.Highest, null, Today).Should().BeFalse();

    [Theory]
    [InlineData("2021-11-22", 5)]
    [InlineData("2021-11-23", 4)]
    [InlineData("2026-11-22", 0)]
    [InlineData("1986-09-01", 40)]
    public void ExperienceCountsFullYears(string workStart, int years) =>
        TeacherRules.ExperienceYears(DateOnly.Parse(workStart, System.Globalization.CultureInfo.InvariantCulture), Today).Should().Be(years);

    [Fact]
    public void ExperienceIsUnknownWithoutAWorkStartOrWithAFutureOne()
    {
        TeacherRules.ExperienceYears(null, Today).Should().BeNull();
        TeacherRules.ExperienceYears(Today.AddDays(1), Today).Should().BeNull();
    }

    [Fact]
    public void AgeOfSomeoneBornOnTheTwentyNinthOfFebruaryGrowsOnTheLastDayOfFebruary()
    {
        // Civil Code art. 192: a term in years ends on the same date, or on the last day of the month when there is none.
        TeacherRules.Age(new DateOnly(1992, 2, 29), new DateOnly(2027, 2, 27)).Should().Be(34);
        TeacherRules.Age(new DateOnly(1992, 2, 29), new DateOnly(2027, 2, 28)).Should().Be(35);
    }

    [Fact]
    public void YoungTeacherFlagAgreesWithAgeOnEveryDayIncludingLeapDays()
    {
        var disagreements = new List<string>();
        for (var today = new DateOnly(2026, 1, 1); today <= new DateOnly(2029, 12, 31); today = today.AddDays(1))
        {
            var start = today.AddMonths(-6);
            for (var birth = today.AddYears(-35).AddDays(-3); birth <= today.AddYears(-35).AddDays(3); birth = birth.AddDays(1))
            {
                var young = TeacherRules.IsYoungTeacher(birth, start, today);
                var under35 = TeacherRules.Age(birth, today) < TeacherRules.YoungTeacherMaxAge;
                if (young != under35) disagreements.Add($"born {birth:yyyy-MM-dd}, today {today:yyyy-MM-dd}: young={young}, age={TeacherRules.Age(birth, today)}");
            }
        }
        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void AssetEligibilityAgreesWithExperienceYearsOnEveryDayIncludingLeapDays()
    {
        var disagreements = new List<string>();
        for (var today = new DateOnly(2026, 1, 1); today <= new DateOnly(2029, 12, 31); today = today.AddDays(1))
        {
            for (var start = today.AddYears(-5).AddDays(-3); start <= today.AddYears(-5).AddDays(3); start = start.AddDays(1))
            {
                var eligible = TeacherRules.IsEligibleForAsset(QualificationCategory.Highest, start, today);
                var fiveYears = TeacherRules.ExperienceYears(start, today) >= TeacherRules.AssetMinExperienceYears;
                if (eligible != fiveYears) disagreements.Add($"started {start:yyyy-MM-dd}, today {today:yyyy-MM-dd}: eligible={eligible}, experience={TeacherRules.ExperienceYears(start, today)}");
            }
        }
        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void AssigningACategoryDatesTheNextAttestationFiveYearsLater()
    {
        var person = new Person();
        person.AssignCategory(QualificationCategory.Highest, new DateOnly(2023, 4, 20));
        person.NextAttestationDue.Should().Be(new DateOnly(2028, 4, 20));

        person.AssignCategory(QualificationCategory.First, new DateOnly(2023, 4, 20), new DateOnly(2027, 1, 1));
        person.NextAttestationDue.Should().Be(new DateOnly(2027, 1, 1));

        person.AssignCategory(QualificationCategory.None, new DateOnly(2023, 4, 20));
        person.CategoryAssignedOn.Should().BeNull();
        person.NextAttestationDue.Should().BeNull();
    }
}
