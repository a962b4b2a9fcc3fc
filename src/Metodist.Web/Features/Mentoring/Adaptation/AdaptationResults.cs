using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>The mean mark of one question in a group; null when the group is too small to show.</summary>
public sealed record QuestionMean(Guid QuestionId, int Number, string Text, int Answers, decimal? Mean);

/// <summary>
/// One municipality's (or the whole scope's) results of a round. Means and the split by adaptation state are left out
/// (<see cref="Hidden"/>) when fewer than <see cref="AdaptationResults.MinGroup"/> teachers answered: a tiny group would
/// give away what each of them said.
/// </summary>
public sealed record AdaptationGroup(
    Guid? MunicipalityId, string Name, int YoungTeachers, int Responded, bool Hidden, decimal? MeanScore,
    int? Adapted, int? Adapting, int? Difficulties, IReadOnlyList<QuestionMean> Questions)
{
    /// <summary>The share of young teachers who answered, in per cent to one decimal.</summary>
    public decimal? ResponseShare => YoungTeachers == 0 ? null : Math.Round(100m * Responded / YoungTeachers, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A young teacher whose answers say they are struggling, for the methodists of their school or municipality.</summary>
public sealed record StrugglingTeacher(Guid PersonId, string FullName, string? Organization, string? Municipality, decimal MeanScore, bool HasMentor);

/// <summary>A free answer and how many gave it in the same words.</summary>
public sealed record NeedCount(string Text, int Count);

/// <summary>The results of one round in the user's scope.</summary>
public sealed record AdaptationReport(
    AdaptationSurvey Survey, AdaptationSurveyState State, IReadOnlyList<AdaptationGroup> Municipalities, AdaptationGroup Total,
    IReadOnlyList<StrugglingTeacher> Struggling, IReadOnlyList<NeedCount> Needs);

/// <summary>The counts and marks of one response, read for the aggregation.</summary>
public sealed record ResponseFigures(Guid PersonId, Guid? MunicipalityId, Guid? OrganizationId, decimal? MeanScore, bool Young);

/// <summary>
/// Results of a round per municipality in the user's scope: how many young teachers there are and answered, the mean mark,
/// how many are adapted, adapting or struggling, and the mean of each question. The methodists also get the names of the
/// struggling teachers of their scope.
/// </summary>
public sealed class AdaptationResults(AppDbContext db, AdaptationSurveys surveys)
{
    public const int MinGroup = 5;

    /// <summary>Free answers shown at most, nameless: the most frequent first, then the latest.</summary>
    public const int NeedsShown = 40;

    /// <summary>The day the young are counted on: today while the round runs, its first or last day before or after.</summary>
    public static DateOnly ReferenceDate(AdaptationSurvey survey, DateOnly today) =>
        today < survey.OpensOn ? survey.OpensOn : today > survey.ClosesOn ? survey.ClosesOn : today;

    /// <summary>The report, or null when <paramref name="municipalityId"/> is given and lies outside the scope.</summary>
    public async Task<AdaptationReport?> BuildAsync(AdaptationSurvey survey, UserScope scope, Guid? municipalityId, CancellationToken ct)
    {
        var municipalities = await ScopeOptions.MunicipalityRowsAsync(db, scope, ct);
        if (municipalityId is { } only)
        {
            municipalities = municipalities.Where(m => m.Id == only).ToList();
            if (municipalities.Count == 0) return null;
        }
        var municipalityIds = municipalities.Select(m => m.Id).ToArray();
        var today = surveys.Today;
        var reference = ReferenceDate(survey, today);
        var bornAfter = TeacherRules.YoungBornAfter(reference);
        var startedFrom = TeacherRules.YoungStartedOnOrAfter(reference);

        var responses = InScope(db.AdaptationResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id), scope)
            .Where(r => r.MunicipalityId != null && municipalityIds.Contains(r.MunicipalityId.Value));
        var figures = await responses.Select(r => new ResponseFigures(r.PersonId, r.MunicipalityId, r.OrganizationId, r.MeanScore,
            r.Person!.BirthDate > bornAfter && r.Person.PedagogicalWorkStart >= startedFrom && r.Person.PedagogicalWorkStart <= reference)).ToListAsync(ct);

        var jobs = db.Employments.AsNoTracking().Where(e => e.IsMain && municipalityIds.Contains(e.MunicipalityId));
        if (!scope.SeesEveryone)
        {
            var inMunicipalities = scope.MunicipalityIds;
            var inOrganizations = scope.OrganizationIds;
            jobs = jobs.Where(e => inMunicipalities.Contains(e.MunicipalityId) || inOrganizations.Contains(e.OrganizationId));
        }
        var young = await jobs.Where(e => e.Person!.BirthDate > bornAfter && e.Person.PedagogicalWorkStart >= startedFrom && e.Person.PedagogicalWorkStart <= reference)
            .GroupBy(e => e.MunicipalityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var sums = await db.AdaptationAnswers.AsNoTracking().Where(a => a.Score != null)
            .Join(responses, a => a.ResponseId, r => r.Id, (a, r) => new { r.MunicipalityId, a.QuestionId, Score = a.Score!.Value })
            .GroupBy(x => new { x.MunicipalityId, x.QuestionId })
            .Select(g => new { g.Key.MunicipalityId, g.Key.QuestionId, Count = g.Count(), Sum = g.Sum(x => x.Score) }).ToListAsync(ct);

        var scale = survey.Questions.Where(q => q.Kind == AdaptationQuestionKind.Scale).OrderBy(q => q.Number).ToList();
        var groups = municipalities.Select(m =>
        {
            var mine = figures.Where(f => f.MunicipalityId == m.Id).ToList();
            return Summarize(m.Id, m.Name, Cohort(young.GetValueOrDefault(m.Id), mine), mine.Select(f => f.MeanScore).ToList(), scale,
                sums.Where(s => s.MunicipalityId == m.Id).ToDictionary(s => s.QuestionId, s => (s.Count, s.Sum)));
        }).ToList();
        var total = Summarize(null, "Всего", Cohort(young.Values.Sum(), figures), figures.Select(f => f.MeanScore).ToList(), scale,
            sums.GroupBy(s => s.QuestionId).ToDictionary(g => g.Key, g => (g.Sum(s => s.Count), g.Sum(s => s.Sum))));

        var struggling = scope.IsMethodist ? await StrugglingAsync(figures, scope, ct) : [];
        var needs = total.Hidden ? [] : await NeedsAsync(survey, responses, ct);
        return new AdaptationReport(survey, survey.StateOn(today), groups, total, struggling, needs);
    }

    /// <summary>
    /// The young teachers of a group: those young on the reference date by their main job, and those who answered without
    /// being young (mentees of a running pair), so that the share never passes 100 %.
    /// </summary>
    private static int Cohort(int youngByJob, IReadOnlyList<ResponseFigures> responded) => youngByJob + responded.Count(f => !f.Young);

    /// <summary>The figures of one group, the means hidden when fewer than <see cref="MinGroup"/> answered.</summary>
    public static AdaptationGroup Summarize(Guid? municipalityId, string name, int youngTeachers, IReadOnlyList<decimal?> means,
        IReadOnlyList<AdaptationQuestion> scaleQuestions, IReadOnlyDictionary<Guid, (int Count, int Sum)> questionSums)
    {
        var responded = means.Count;
        if (responded < MinGroup)
        {
            return new AdaptationGroup(municipalityId, name, youngTeachers, responded, true, null, null, null, null,
                scaleQuestions.Select(q => new QuestionMean(q.Id, q.Number, q.Text, questionSums.GetValueOrDefault(q.Id).Count, null)).ToList());
        }
        var scored = means.OfType<decimal>().ToList();
        var states = scored.GroupBy(m => AdaptationStatus.Of(m)).ToDictionary(g => g.Key, g => g.Count());
        return new AdaptationGroup(municipalityId, name, youngTeachers, responded, false,
            scored.Count == 0 ? null : Math.Round(scored.Average(), 2, MidpointRounding.AwayFromZero),
            states.GetValueOrDefault(AdaptationState.Adapted), states.GetValueOrDefault(AdaptationState.Adapting), states.GetValueOrDefault(AdaptationState.Difficulties),
            scaleQuestions.Select(q =>
            {
                var (count, sum) = questionSums.GetValueOrDefault(q.Id);
                return new QuestionMean(q.Id, q.Number, q.Text, count, count == 0 ? null : Math.Round((decimal)sum / count, 2, MidpointRounding.AwayFromZero));
            }).ToList());
    }

    private static IQueryable<AdaptationResponse> InScope(IQueryable<AdaptationResponse> responses, UserScope scope)
    {
        if (scope.SeesEveryone) return responses;
        var municipalities = scope.MunicipalityIds;
        var organizations = scope.OrganizationIds;
        return responses.Where(r => (r.MunicipalityId != null && municipalities.Contains(r.MunicipalityId.Value))
                                    || (r.OrganizationId != null && organizations.Contains(r.OrganizationId.Value)));
    }

    /// <summary>The struggling teachers whose private records the user may open, with whether they have a mentor now.</summary>
    private async Task<List<StrugglingTeacher>> StrugglingAsync(IReadOnlyList<ResponseFigures> figures, UserScope scope, CancellationToken ct)
    {
        var ids = figures.Where(f => AdaptationStatus.Of(f.MeanScore) == AdaptationState.Difficulties).Select(f => f.PersonId).ToArray();
        if (ids.Length == 0) return [];
        var people = await scope.PrivatePersons(db.Persons.AsNoTracking()).Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.MiddleName,
                HasMentor = db.MentoringMentees.Any(m => m.PersonId == p.Id && m.Pair!.Status == MentoringStatus.Active),
            }).ToListAsync(ct);
        var organizationIds = figures.Select(f => f.OrganizationId).OfType<Guid>().Distinct().ToArray();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ShortName, Municipality = o.Municipality!.Name }).ToDictionaryAsync(o => o.Id, ct);
        var byPerson = figures.ToDictionary(f => f.PersonId);
        return people.Select(p =>
            {
                var f = byPerson[p.Id];
                var organization = f.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null;
                var name = string.IsNullOrEmpty(p.MiddleName) ? $"{p.LastName} {p.FirstName}" : $"{p.LastName} {p.FirstName} {p.MiddleName}";
                return new StrugglingTeacher(p.Id, name, organization?.ShortName, organization?.Municipality, f.MeanScore!.Value, p.HasMentor);
            })
            .OrderBy(t => t.MeanScore).ThenBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The free answers of the group without names, the same words counted together.</summary>
    private async Task<List<NeedCount>> NeedsAsync(AdaptationSurvey survey, IQueryable<AdaptationResponse> responses, CancellationToken ct)
    {
        var textQuestions = survey.Questions.Where(q => q.Kind == AdaptationQuestionKind.Text).Select(q => q.Id).ToArray();
        if (textQuestions.Length == 0) return [];
        var answers = await db.AdaptationAnswers.AsNoTracking().Where(a => a.Text != null && textQuestions.Contains(a.QuestionId))
            .Join(responses, a => a.ResponseId, r => r.Id, (a, r) => new { a.Text, r.SubmittedAt }).ToListAsync(ct);
        return answers.GroupBy(a => a.Text!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Need: new NeedCount(g.First().Text!.Trim(), g.Count()), Latest: g.Max(a => a.SubmittedAt)))
            .OrderByDescending(x => x.Need.Count).ThenByDescending(x => x.Latest).Take(NeedsShown).Select(x => x.Need).ToList();
    }

    /// <summary>The report as a workbook: one sheet per municipality, one per question in each municipality.</summary>
    public static byte[] Export(AdaptationReport report)
    {
        var rows = report.Municipalities.Append(report.Total).ToList();
        XlsxColumn<AdaptationGroup>[] groupColumns =
        [
            new("Муниципалитет", 32, g => g.Name),
            new("Молодых педагогов", 12, g => g.YoungTeachers),
            new("Ответили", 11, g => g.Responded),
            new("Доля ответивших, %", 12, g => g.ResponseShare),
            new("Средний балл", 11, g => g.MeanScore),
            new(AdaptationState.Adapted.Title(), 13, g => g.Adapted),
            new(AdaptationState.Adapting.Title(), 13, g => g.Adapting),
            new(AdaptationState.Difficulties.Title(), 13, g => g.Difficulties),
            new("Примечание", 30, g => g.Hidden ? $"ответили меньше {MinGroup}: средние не показываются" : null),
        ];
        XlsxColumn<(AdaptationGroup Group, QuestionMean Question)>[] questionColumns =
        [
            new("Муниципалитет", 32, x => x.Group.Name),
            new("№", 5, x => x.Question.Number),
            new("Вопрос", 60, x => x.Question.Text),
            new("Ответов", 10, x => x.Question.Answers),
            new("Средний балл", 11, x => x.Question.Mean),
        ];
        return Xlsx.WriteWorkbook(
            new XlsxWorksheet<AdaptationGroup>("По муниципалитетам", groupColumns, rows),
            new XlsxWorksheet<(AdaptationGroup, QuestionMean)>("По вопросам", questionColumns, rows.SelectMany(g => g.Questions.Select(q => (g, q)))));
    }
}
