using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Mentoring.Adaptation;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Demo;

/// <summary>The rounds of the demo and who of the young teachers answers each, with when; the marks follow at insert time.</summary>
internal sealed class DemoAdaptationData
{
    public required AdaptationSurvey Previous { get; init; }
    public required AdaptationSurvey Current { get; init; }
    public required IReadOnlyList<DemoAdaptationAnswerer> Answerers { get; init; }
}

/// <summary>A young teacher who fills in a round of the demo, on <see cref="SubmittedAt"/>, from their main job.</summary>
internal sealed record DemoAdaptationAnswerer(AdaptationSurvey Survey, Person Person, Employment Job, DateTime SubmittedAt, bool DemoAccount);

/// <summary>
/// Adaptation questionnaires of the demo region: the spring round of the last academic year, closed, answered by about
/// 70 % of the young teachers, and the autumn round running now, answered by about 45 % so far. Most are adapted, some
/// adapting, a few struggling, and teachers without a mentor mark lower, above all the mentor's help. The demo account
/// «teacher» has answered the spring round (when young then) but not the current one, for a visitor to fill it in.
/// </summary>
internal static class DemoAdaptation
{
    private const double PreviousShare = 0.70;
    private const double CurrentShare = 0.45;

    /// <summary>Mark offsets of the default questions, in their order: paperwork and discipline are the hard parts, the subject the easy one.</summary>
    private static readonly double[] QuestionOffsets = [0.15, 0.0, -0.1, -0.35, -0.1, -0.55, 0.3, 0.05];

    /// <summary>The number (1-based) of the question on a mentor's help, which a teacher without one marks low.</summary>
    private const int MentorQuestion = 2;

    private static readonly string[] Needs =
    [
        "Помощь в подготовке к открытому уроку",
        "Как выстроить работу с родителями трудных учеников",
        "Нужны примеры рабочих программ и технологических карт уроков",
        "Хотелось бы чаще посещать уроки опытных коллег",
        "Помощь с электронным журналом и отчётами",
        "Как удерживать дисциплину в 7–8 классах",
        "Подготовка обучающихся к ОГЭ: с чего начать",
        "Методическая помощь в работе с детьми с ОВЗ",
        "Курсы по функциональной грамотности",
        "Хочу, чтобы наставник разбирал со мной мои уроки",
        "Помощь при подготовке к аттестации на первую категорию",
        "Меньше бумажной работы",
        "Консультация психолога: как не выгореть в первый год",
        "Как вести классное руководство",
        "Нужен наставник по моему предмету",
    ];

    public static DemoAdaptationData Generate(DemoStaff staff, DateOnly today, TimeZoneInfo zone)
    {
        var ids = new Random(DemoGenerator.Seed + 40);
        var rng = new Random(DemoGenerator.Seed + 41);
        var now = AdaptationPeriod.Of(today);
        var before = now.Previous;
        var previous = Survey(ids, before, before.DefaultOpensOn, before.DefaultClosesOn);
        // The running round is open today whatever the day: it began three weeks ago at the latest, after the last one closed.
        var opens = Max(previous.ClosesOn.AddDays(1), Min(now.DefaultOpensOn, today.AddDays(-21)));
        var current = Survey(ids, now, opens, Max(now.DefaultClosesOn, today.AddDays(28)));

        // Each municipality answers at its own pace around the region's share.
        var pace = staff.Data.Municipalities.ToDictionary(m => m.Id, _ => Math.Clamp(rng.Normal(1.0, 0.12), 0.7, 1.3));
        var demoTeacher = staff.Data.Cast.YoungTeacher;
        var answerers = new List<DemoAdaptationAnswerer>();
        foreach (var person in staff.Data.Persons)
        {
            var job = DemoStaff.MainJob(person);
            if (TeacherRules.IsYoungTeacher(person.BirthDate, person.PedagogicalWorkStart, previous.ClosesOn)
                && (person.Id == demoTeacher.Id || rng.Chance(PreviousShare * pace[job.MunicipalityId])))
            {
                answerers.Add(new(previous, person, job, Moment(rng, previous.OpensOn, previous.ClosesOn, zone), person.Id == demoTeacher.Id));
            }
            if (person.Id != demoTeacher.Id && TeacherRules.IsYoungTeacher(person.BirthDate, person.PedagogicalWorkStart, today)
                && rng.Chance(CurrentShare * pace[job.MunicipalityId]))
            {
                answerers.Add(new(current, person, job, Moment(rng, current.OpensOn, today.AddDays(-1), zone), false));
            }
        }
        return new DemoAdaptationData { Previous = previous, Current = current, Answerers = answerers };
    }

    private static AdaptationSurvey Survey(Random ids, AdaptationPeriod period, DateOnly opens, DateOnly closes)
    {
        var survey = new AdaptationSurvey
        {
            Id = ids.NextGuid(), Title = period.Title, AcademicYear = period.AcademicYear, Round = period.Round, OpensOn = opens, ClosesOn = closes,
            CreatedAt = opens.AddDays(-10).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        survey.Questions = AdaptationQuestionnaire.For(survey.Id, null);
        foreach (var question in survey.Questions) question.Id = ids.NextGuid();
        return survey;
    }

    /// <summary>A moment of a working day (9:00 to 21:00 in the region) between the two days, in UTC.</summary>
    private static DateTime Moment(Random rng, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var local = rng.Day(from, to).ToDateTime(new TimeOnly(9, 0)).AddMinutes(rng.Next(0, 12 * 60));
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// Writes the rounds and the answers. The marks depend on whether the teacher had a mentor on the day they answered,
    /// read from the pairs the mentoring demo has just written.
    /// </summary>
    public static async Task InsertAsync(AppDbContext db, DemoAdaptationData data, CancellationToken ct)
    {
        var pairs = await db.MentoringMentees.AsNoTracking().Where(m => m.Pair!.Status != MentoringStatus.Cancelled)
            .Select(m => new { m.PersonId, m.Pair!.StartDate, m.Pair.ClosedOn }).ToListAsync(ct);
        var mentored = pairs.ToLookup(p => p.PersonId);
        bool HasMentor(Guid personId, DateOnly day) => mentored[personId].Any(p => p.StartDate <= day && (p.ClosedOn is null || p.ClosedOn >= day));

        var rng = new Random(DemoGenerator.Seed + 42);
        var ids = new Random(DemoGenerator.Seed + 43);
        var responses = new List<AdaptationResponse>(data.Answerers.Count);
        foreach (var answerer in data.Answerers)
        {
            var day = DateOnly.FromDateTime(answerer.SubmittedAt);
            responses.Add(Answer(rng, ids, answerer, HasMentor(answerer.Person.Id, day)));
        }

        AdaptationSurvey[] surveys = [data.Previous, data.Current];
        await BulkInsert<AdaptationSurvey>.InsertAllAsync(db, surveys, ct);
        await BulkInsert<AdaptationQuestion>.InsertAllAsync(db, surveys.SelectMany(s => s.Questions), ct);
        await BulkInsert<AdaptationResponse>.InsertAllAsync(db, responses, ct);
        await BulkInsert<AdaptationAnswer>.InsertAllAsync(db, responses.SelectMany(r => r.Answers), ct);
    }

    private static AdaptationResponse Answer(Random rng, Random ids, DemoAdaptationAnswerer answerer, bool hasMentor)
    {
        var response = new AdaptationResponse
        {
            Id = ids.NextGuid(), SurveyId = answerer.Survey.Id, PersonId = answerer.Person.Id, MunicipalityId = answerer.Job.MunicipalityId,
            OrganizationId = answerer.Job.OrganizationId, SubmittedAt = answerer.SubmittedAt,
        };
        // How the teacher is settling in: most well, about one in twelve badly; without a mentor everything is a little harder.
        var disposition = answerer.DemoAccount ? 3.7 : rng.Chance(0.08) ? rng.Normal(2.7, 0.4) : rng.Normal(4.4, 0.45);
        if (!hasMentor) disposition -= 0.35;
        foreach (var question in answerer.Survey.Questions.OrderBy(q => q.Number))
        {
            if (question.Kind == AdaptationQuestionKind.Scale)
            {
                var offset = question.Number <= QuestionOffsets.Length ? QuestionOffsets[question.Number - 1] : 0;
                if (question.Number == MentorQuestion && !hasMentor) offset -= 1.2;
                var score = (int)Math.Clamp(Math.Round(disposition + offset + rng.Normal(0, 0.55)), 1, 5);
                response.Answers.Add(new AdaptationAnswer { ResponseId = response.Id, QuestionId = question.Id, Score = score });
            }
            else if (rng.Chance(disposition < 3.5 ? 0.6 : 0.3))
            {
                var need = !hasMentor && rng.Chance(0.4) ? Needs[^1] : Needs[rng.Next(Needs.Length - 1)];
                response.Answers.Add(new AdaptationAnswer { ResponseId = response.Id, QuestionId = question.Id, Text = need });
            }
        }
        response.MeanScore = AdaptationStatus.MeanOf(response.Answers.Select(a => a.Score));
        return response;
    }
}
