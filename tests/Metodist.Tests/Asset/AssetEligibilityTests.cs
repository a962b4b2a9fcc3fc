using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Asset;

[Trait("Category", "Unit")]
public sealed class AssetEligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly LongAgo = new(2005, 9, 1);

    private static AssetEligibilityResult Evaluate(QualificationCategory category = QualificationCategory.Highest, DateOnly? workStart = null,
        JudgedRequirements? judged = null) =>
        AssetEligibility.Evaluate(category, workStart ?? LongAgo, judged ?? JudgedRequirements.None, Today);

    private static bool Met(AssetEligibilityResult result, AssetRequirement requirement) => result.Requirements.Single(r => r.Requirement == requirement).Met;

    [Fact]
    public void EveryCandidateIsCheckedAgainstAllSixRequirementsWithRussianTitlesAndCodes()
    {
        var result = Evaluate();

        result.Requirements.Select(r => r.Code).Should().Equal("category", "experience", "associationLeader", "examExpert", "communityLeader", "highStudentResults");
        result.Requirements.Select(r => r.Title).Should().OnlyContain(t => t.Length > 10 && t.Any(c => c >= 'А' && c <= 'я'));
        result.Requirements.Where(r => r.IsJudged).Select(r => r.Requirement).Should().Equal(
            AssetRequirement.AssociationLeader, AssetRequirement.ExamExpert, AssetRequirement.CommunityLeader, AssetRequirement.HighStudentResults);
    }

    [Theory]
    [InlineData(QualificationCategory.Highest, true)]
    [InlineData(QualificationCategory.TeacherMethodist, true)]
    [InlineData(QualificationCategory.First, false)]
    [InlineData(QualificationCategory.TeacherMentor, false)]
    [InlineData(QualificationCategory.Conformity, false)]
    [InlineData(QualificationCategory.None, false)]
    public void OnlyTheHighestCategoryOrTeacherMethodistMeetsTheCategoryRequirement(QualificationCategory category, bool met) =>
        Met(Evaluate(category), AssetRequirement.Category).Should().Be(met);

    [Fact]
    public void FiveYearsToTheDayMeetTheExperienceRequirement() =>
        Met(Evaluate(workStart: new DateOnly(2021, 11, 22)), AssetRequirement.Experience).Should().BeTrue();

    [Fact]
    public void FiveYearsLessADayMissTheExperienceRequirement() =>
        Met(Evaluate(workStart: new DateOnly(2021, 11, 23)), AssetRequirement.Experience).Should().BeFalse();

    [Fact]
    public void AnUnknownStartOfWorkMissesTheExperienceRequirement() =>
        Met(AssetEligibility.Evaluate(QualificationCategory.Highest, null, JudgedRequirements.None, Today), AssetRequirement.Experience).Should().BeFalse();

    [Fact]
    public void BothRegistryRequirementsWithNothingJudgedYetFitByTheRegistryOnly()
    {
        var result = Evaluate();

        result.Fit.Should().Be(AssetFit.ByRegistry);
        result.Fit.Title().Should().Be("по данным реестра подходит");
        result.Eligible.Should().BeFalse();
        result.MeetsRegistry.Should().BeTrue();
    }

    [Theory]
    [InlineData(true, false, false, false, AssetRequirement.AssociationLeader)]
    [InlineData(false, true, false, false, AssetRequirement.ExamExpert)]
    [InlineData(false, false, true, false, AssetRequirement.CommunityLeader)]
    [InlineData(false, false, false, true, AssetRequirement.HighStudentResults)]
    public void AnyOneJudgedRequirementWithBothRegistryOnesMakesACandidateEligible(bool leader, bool expert, bool community, bool results,
        AssetRequirement confirmed)
    {
        var result = Evaluate(judged: new JudgedRequirements(leader, expert, community, results));

        result.Fit.Should().Be(AssetFit.Eligible);
        result.Requirements.Where(r => r.Met).Select(r => r.Requirement).Should().BeEquivalentTo([AssetRequirement.Category, AssetRequirement.Experience, confirmed]);
    }

    [Fact]
    public void JudgedRequirementsDoNotMakeUpForAMissingCategory()
    {
        var result = Evaluate(QualificationCategory.First, judged: new JudgedRequirements(true, true, true, true));

        result.Fit.Should().Be(AssetFit.NotEligible);
        result.Requirements.Where(r => !r.Met).Select(r => r.Requirement).Should().Equal(AssetRequirement.Category);
    }

    [Fact]
    public void JudgedRequirementsDoNotMakeUpForTooShortExperience() =>
        Evaluate(workStart: Today.AddYears(-2), judged: new JudgedRequirements(true, false, false, false)).Fit.Should().Be(AssetFit.NotEligible);
}
