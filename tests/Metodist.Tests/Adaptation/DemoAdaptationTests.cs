using Metodist.Tests.Demo;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Mentoring.Adaptation;
using Metodist.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Adaptation;

/// <summary>The demo's rounds as generated in memory: the same every time, the last one closed and the current one open on any day.</summary>
[Trait("Category", "Unit")]
public sealed class DemoAdaptationGeneratorTests
{
    private static DemoAdaptationData Generate(DateOnly today, out DemoStaff staff)
    {
        staff = new DemoStaff(DemoRegion.Generate(DemoRegion.MinTeachers, today), withAccounts: true);
        return DemoAdaptation.Generate(staff, today, TimeZoneInfo.Utc);
    }

    [Fact]
    public void TheSameSizeAndDateGiveTheSameRoundsAndAnswerers()
    {
        var today = new DateOnly(2026, 11, 22);
        var first = Generate(today, out _);
        var second = Generate(today, out _);

        second.Current.Questions.Select(q => q.Id).Should().Equal(first.Current.Questions.Select(q => q.Id));
        second.Answerers.Select(a => (a.Survey.Id, a.Person.Id, a.SubmittedAt)).Should().Equal(first.Answerers.Select(a => (a.Survey.Id, a.Person.Id, a.SubmittedAt)));
    }

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData("2026-09-03")]
    [InlineData("2027-01-05")]
    [InlineData("2027-04-20")]
    [InlineData("2027-07-10")]
    public void OnAnyDayTheLastRoundIsClosedTheCurrentOneOpenAndNoAnswerIsFromTheFuture(string date)
    {
        var today = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var data = Generate(today, out var staff);

        data.Previous.StateOn(today).Should().Be(AdaptationSurveyState.Closed);
        data.Current.StateOn(today).Should().Be(AdaptationSurveyState.Open);
        data.Previous.ClosesOn.Should().BeBefore(data.Current.OpensOn);
        AdaptationPeriod.Of(data.Current.AcademicYear, data.Current.Round).Should().Be(AdaptationPeriod.Of(today));
        data.Answerers.Should().AllSatisfy(a => DateOnly.FromDateTime(a.SubmittedAt).Should().BeBefore(today)
            .And.BeOnOrAfter(a.Survey.OpensOn).And.BeOnOrBefore(a.Survey.ClosesOn));
        data.Answerers.Should().NotContain(a => a.Survey == data.Current && a.Person.Id == staff.Data.Cast.YoungTeacher.Id,
            "the demo account keeps the open round for a visitor to fill in");
        data.Answerers.GroupBy(a => (a.Survey.Id, a.Person.Id)).Should().AllSatisfy(g => g.Should().ContainSingle());
    }
}

/// <summary>The adaptation questionnaires of the seeded demo region: realistic shares and marks, and the demo teacher's part.</summary>
[Collection(DemoRegionGroup.Name)]
public sealed class DemoAdaptationTests(DemoRegionFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    [Fact]
    public async Task AboutSeventyPercentAnsweredTheClosedSpringRoundAndAboutFortyFivePercentTheOpenOneSoFar()
    {
        var (surveys, responses, people) = await fixture.QueryAsync(async db => (
            await db.AdaptationSurveys.Include(s => s.Questions).ToListAsync(),
            await db.AdaptationResponses.Select(r => new { r.SurveyId, r.PersonId }).ToListAsync(),
            await db.Persons.Select(p => new { p.BirthDate, p.PedagogicalWorkStart }).ToListAsync()));

        surveys.Should().HaveCount(2);
        var previous = surveys.Single(s => s.StateOn(Today) == AdaptationSurveyState.Closed);
        var current = surveys.Single(s => s.StateOn(Today) == AdaptationSurveyState.Open);
        surveys.Should().AllSatisfy(s => s.Questions.Should().HaveCount(AdaptationQuestionnaire.Default.Count));
        double Share(AdaptationSurvey survey, DateOnly day) =>
            (double)responses.Count(r => r.SurveyId == survey.Id) / people.Count(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, day));
        Share(previous, previous.ClosesOn).Should().BeInRange(0.6, 0.8);
        Share(current, Today).Should().BeInRange(0.35, 0.55);
    }

    [Fact]
    public async Task InTheOpenRoundMostYoungTeachersAreAdaptedAFewStruggleAndThoseWithoutAMentorMarkLower()
    {
        var today = Today;
        var (responses, mentored) = await fixture.QueryAsync(async db => (
            await db.AdaptationResponses.Where(r => db.AdaptationSurveys.Any(s => s.Id == r.SurveyId && s.OpensOn <= today && s.ClosesOn >= today))
                .Select(r => new { r.PersonId, r.MeanScore }).ToListAsync(),
            (await db.MentoringMentees.Where(m => m.Pair!.Status == MentoringStatus.Active).Select(m => m.PersonId).ToListAsync()).ToHashSet()));

        var states = responses.GroupBy(r => AdaptationStatus.Of(r.MeanScore)).ToDictionary(g => g.Key, g => (double)g.Count() / responses.Count);
        states.Keys.Should().BeEquivalentTo([AdaptationState.Adapted, AdaptationState.Adapting, AdaptationState.Difficulties]);
        states[AdaptationState.Difficulties].Should().BeInRange(0.02, 0.2);
        (states[AdaptationState.Adapted] + states[AdaptationState.Adapting]).Should().BeGreaterThan(0.8);
        states[AdaptationState.Adapted].Should().BeGreaterThan(0.5, "most of the young teachers of the running round have a mentor and are settling in");

        var withMentor = responses.Where(r => mentored.Contains(r.PersonId)).Average(r => r.MeanScore!.Value);
        var without = responses.Where(r => !mentored.Contains(r.PersonId)).Average(r => r.MeanScore!.Value);
        withMentor.Should().BeGreaterThan(without + 0.2m);
    }

    [Fact]
    public async Task DemoTeacherAnsweredTheSpringRoundAndCanFillInTheOpenOne()
    {
        var teacher = await fixture.QueryAsync(db => db.Users.Where(u => u.UserName == "teacher").Select(u => u.PersonId!.Value).SingleAsync());
        var answered = await fixture.QueryAsync(db => db.AdaptationResponses.Where(r => r.PersonId == teacher)
            .Join(db.AdaptationSurveys, r => r.SurveyId, s => s.Id, (r, s) => new { s.OpensOn, s.ClosesOn, r.MeanScore }).ToListAsync());

        answered.Should().ContainSingle().Which.ClosesOn.Should().BeBefore(Today);
        AdaptationStatus.Of(answered[0].MeanScore).Should().NotBe(AdaptationState.NoData);
    }
}
