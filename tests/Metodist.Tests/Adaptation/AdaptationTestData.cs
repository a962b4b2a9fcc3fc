using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Mentoring.Adaptation;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Adaptation;

/// <summary>Rounds, answers and young teachers written straight into a test app's database.</summary>
public static class AdaptationTestData
{
    private static readonly SemaphoreSlim OpenRoundLock = new(1, 1);

    public static DateOnly Today => RouteTestData.Today;

    /// <summary>Born 26 years ago and teaching for a year: young today and for the last few years.</summary>
    public static DateOnly YoungBirthDate => Today.AddYears(-26);

    public static DateOnly YoungWorkStart => Today.AddYears(-1);

    /// <summary>
    /// A round with the default questions. Test rounds take academic years far from today's (each test its own), so that
    /// they never meet the rounds of other tests of the class; only <see cref="OpenRoundAsync"/> is open today.
    /// </summary>
    public static async Task<AdaptationSurvey> AddSurveyAsync(this TestApp app, int startYear, AdaptationRound round, DateOnly opensOn, DateOnly closesOn)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var period = new AdaptationPeriod(startYear, round);
        var survey = new AdaptationSurvey
        {
            Title = period.Title, AcademicYear = period.AcademicYear, Round = round, OpensOn = opensOn, ClosesOn = closesOn,
        };
        survey.Questions = AdaptationQuestionnaire.For(survey.Id, null);
        db.AdaptationSurveys.Add(survey);
        await db.SaveChangesAsync();
        return survey;
    }

    /// <summary>The one round open today in the app (created on first use): the rounds are open in turn, never two at once.</summary>
    public static async Task<AdaptationSurvey> OpenRoundAsync(this TestApp app)
    {
        await OpenRoundLock.WaitAsync();
        try
        {
            var today = Today;
            var open = await app.ReadAsync(db => db.AdaptationSurveys.AsNoTracking().Include(s => s.Questions)
                .FirstOrDefaultAsync(s => s.OpensOn <= today && s.ClosesOn >= today));
            return open ?? await app.AddSurveyAsync(2090, AdaptationRound.Autumn, today.AddDays(-10), today.AddDays(10));
        }
        finally
        {
            OpenRoundLock.Release();
        }
    }

    /// <summary>An answered questionnaire of the teacher with the same mark on every scale question of the round as it is now (and a free answer when given).</summary>
    public static async Task<AdaptationResponse> AddResponseAsync(this TestApp app, AdaptationSurvey survey, Person teacher, Organization school, int mark, string? need = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var response = new AdaptationResponse
        {
            SurveyId = survey.Id, PersonId = teacher.Id, MunicipalityId = school.MunicipalityId, OrganizationId = school.Id,
            SubmittedAt = survey.OpensOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        };
        foreach (var question in await db.AdaptationQuestions.AsNoTracking().Where(q => q.SurveyId == survey.Id).ToListAsync())
        {
            if (question.Kind == AdaptationQuestionKind.Scale)
                response.Answers.Add(new AdaptationAnswer { ResponseId = response.Id, QuestionId = question.Id, Score = mark });
            else if (need is not null)
                response.Answers.Add(new AdaptationAnswer { ResponseId = response.Id, QuestionId = question.Id, Text = need });
        }
        response.MeanScore = AdaptationStatus.MeanOf(response.Answers.Select(a => a.Score));
        db.AdaptationResponses.Add(response);
        await db.SaveChangesAsync();
        return response;
    }

    /// <summary>A running mentoring pair of the mentor and the mentee.</summary>
    public static async Task AddPairAsync(this TestApp app, Person mentor, Person mentee, Organization school)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pair = new MentoringPair
        {
            MentorPersonId = mentor.Id, Form = MentoringForm.ExperiencedYoung, Level = MentoringLevel.Organization, Status = MentoringStatus.Active,
            MunicipalityId = school.MunicipalityId, OrganizationId = school.Id, StartDate = Today.AddMonths(-2), CreatedBy = "test",
        };
        pair.Mentees.Add(new MentoringMentee { PairId = pair.Id, PersonId = mentee.Id });
        db.MentoringPairs.Add(pair);
        await db.SaveChangesAsync();
    }

    /// <summary>A young teacher of the school with an account of their own.</summary>
    public static Task<(Person Teacher, string Login)> AddYoungTeacherAsync(this RoleAccountsFixture f, Organization school, string lastName) =>
        f.AddTeacherAsync(school, lastName, YoungBirthDate, YoungWorkStart);

    /// <summary>Answers to every question of the round: the mark on each scale question, the text on the free one.</summary>
    public static object Answers(AdaptationSurvey survey, int mark, string? need = null) => new
    {
        answers = survey.Questions.OrderBy(q => q.Number).Select(q => q.Kind == AdaptationQuestionKind.Scale
            ? new { questionId = q.Id, score = (int?)mark, text = (string?)null }
            : new { questionId = q.Id, score = (int?)null, text = need }).ToList(),
    };
}
