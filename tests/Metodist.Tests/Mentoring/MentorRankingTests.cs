using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Mentoring;

[Trait("Category", "Unit")]
public sealed class MentorRankingTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid OtherSchool = Guid.NewGuid();
    private static readonly Guid Town = Guid.NewGuid();
    private static readonly (Guid Id, string Name) Mathematics = (Guid.NewGuid(), "Математика");
    private static readonly (Guid Id, string Name) History = (Guid.NewGuid(), "История");
    private static readonly MenteeFacts Mentee = new(Guid.NewGuid(), School, Town, [Mathematics.Id]);

    private static MentorCandidate Candidate(string name, Guid? organization = null, (Guid, string)? subject = null,
        QualificationCategory category = QualificationCategory.First, int experience = 12, int mentees = 0, bool young = false, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, organization ?? School, organization == OtherSchool ? "МБОУ СШ № 2" : "МБОУ СШ № 1", Town,
            [subject ?? Mathematics], category, experience, mentees, young);

    private static List<string> Ranked(params MentorCandidate[] candidates) =>
        MentorRanking.Rank(Mentee, candidates, loadLimit: 2).Select(s => s.Candidate.Name).ToList();

    [Fact]
    public void SameSubjectComesFirstThenSameOrganizationBeforeTheMunicipality() =>
        Ranked(
                Candidate("История, другая школа", OtherSchool, History),
                Candidate("История, та же школа", School, History),
                Candidate("Математика, другая школа", OtherSchool),
                Candidate("Математика, та же школа", School))
            .Should().Equal("Математика, та же школа", "Математика, другая школа", "История, та же школа", "История, другая школа");

    [Fact]
    public void AnOverloadedMentorComesLastWhateverTheScoreAndSaysWhy()
    {
        var ranked = MentorRanking.Rank(Mentee, [
            Candidate("Перегружена", category: QualificationCategory.Highest, experience: 30, mentees: 2),
            Candidate("Из другой школы, история", OtherSchool, History, QualificationCategory.None, experience: 5),
        ], loadLimit: 2);

        ranked.Select(s => s.Candidate.Name).Should().Equal("Из другой школы, история", "Перегружена");
        ranked[1].Overloaded.Should().BeTrue();
        ranked[1].Reasons.Should().Contain("Перегрузка: уже 2 наставляемых при норме 2");
        ranked[0].Overloaded.Should().BeFalse();
    }

    [Fact]
    public void HigherCategoryRanksAboveFirstAndFirstAboveNone() =>
        Ranked(
                Candidate("Без категории", category: QualificationCategory.None),
                Candidate("Первая", category: QualificationCategory.First),
                Candidate("Педагог-наставник", category: QualificationCategory.TeacherMentor))
            .Should().Equal("Педагог-наставник", "Первая", "Без категории");

    [Fact]
    public void LongerExperienceRanksHigherAndFewerMenteesBreakTheTie()
    {
        Ranked(Candidate("Стаж 6", experience: 6), Candidate("Стаж 20", experience: 20)).Should().Equal("Стаж 20", "Стаж 6");
        Ranked(Candidate("Один наставляемый", mentees: 1), Candidate("Свободна")).Should().Equal("Свободна", "Один наставляемый");
    }

    [Fact]
    public void TheTeacherOtherYoungTeachersAndThoseWithUnderFiveYearsAreNotOffered() =>
        Ranked(
                Candidate("Сама", id: Mentee.PersonId),
                Candidate("Молодая", young: true, experience: 5),
                Candidate("Стаж 4", experience: 4),
                Candidate("Стаж 5", experience: 5))
            .Should().Equal("Стаж 5");

    [Fact]
    public void AtMostTenAreOffered() =>
        MentorRanking.Rank(Mentee, Enumerable.Range(1, 15).Select(i => Candidate($"Коллега {i:00}")), 2).Should().HaveCount(MentorRanking.MaxSuggestions);

    [Fact]
    public void ReasonsNameTheSubjectOrganizationCategoryExperienceAndLoad()
    {
        var suggestion = MentorRanking.Score(Mentee, Candidate("Иванова", category: QualificationCategory.Highest, experience: 21, mentees: 1), 2);

        suggestion.Reasons.Should().Equal(
            "Тот же предмет: Математика",
            "Работает в той же организации (МБОУ СШ № 1)",
            "Квалификационная категория: высшая",
            "Педагогический стаж 21 год",
            "Сейчас 1 наставляемый при норме 2");
        suggestion.Score.Should().Be(MentorRanking.SameSubjectPoints + MentorRanking.SameOrganizationPoints + MentorRanking.TopCategoryPoints
            + MentorRanking.MaxExperiencePoints - 1 + MentorRanking.UnderLimitPoints);
    }

    [Fact]
    public void AMentorOfAnotherOrganizationIsNamedWithIt() =>
        MentorRanking.Score(Mentee, Candidate("Петрова", OtherSchool), 2).Reasons.Should().Contain("Тот же муниципалитет, другая организация (МБОУ СШ № 2)");
}
