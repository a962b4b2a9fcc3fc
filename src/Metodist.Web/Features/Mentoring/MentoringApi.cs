using Metodist.Web.Features.Mentoring.Adaptation;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

public sealed record YoungTeacherItem(
    Guid TeacherId, string Name, Guid? OrganizationId, string? Organization, Guid? MunicipalityId, string? Municipality, string? Position,
    IReadOnlyList<string> Subjects, DateOnly? WorkStart, int? ExperienceYears, bool HasMentor, Guid? MentorId, string? MentorName, Guid? PairId,
    Guid? RouteId, string? RouteStatus, string? RouteStatusName, string Adaptation, string AdaptationName);

public sealed record YoungTeacherItems(IReadOnlyList<YoungTeacherItem> Items, int Total, int Page, int PageSize);

public sealed record MentorSuggestionItem(
    Guid MentorId, int Score, IReadOnlyList<string> Reasons, string Name, Guid OrganizationId, string Organization, IReadOnlyList<string> Subjects,
    string Category, string CategoryName, int ExperienceYears, int CurrentMentees, bool Overloaded);

public sealed record CreatePairRequest(
    Guid? MentorId, List<Guid>? MenteeIds, string? Form, DateOnly? StartDate, DateOnly? EndDate, string? OrderNumber, DateOnly? OrderDate, string? Goals,
    string? Level);

public sealed record PairPersonItem(Guid Id, string Name, string? Organization, string? Position);

public sealed record PlanItemView(Guid Id, string Kind, string Title, string? Details, DateOnly? DueDate, bool IsDone, DateOnly? DoneOn);

public sealed record MeetingView(Guid Id, DateOnly Date, string Topic, decimal Hours, string? Notes, string CreatedBy);

public sealed record PairView(
    Guid Id, Guid MentorId, string MentorName, string? MentorOrganization, IReadOnlyList<Guid> MenteeIds, IReadOnlyList<PairPersonItem> Mentees,
    string Form, string FormName, string Level, string Status, string StatusName, Guid MunicipalityId, Guid? OrganizationId, DateOnly StartDate,
    DateOnly? EndDate, string? OrderNumber, DateOnly? OrderDate, string? Goals, string? Evaluation, int? Score, DateOnly? ClosedOn,
    IReadOnlyList<PlanItemView> Plan, IReadOnlyList<MeetingView> Meetings, decimal TotalHours, int MentorLoad, int LoadLimit, IReadOnlyList<string> Warnings);

public sealed record PairSummary(
    Guid Id, Guid MentorId, string MentorName, string? MentorOrganization, IReadOnlyList<Guid> MenteeIds, IReadOnlyList<string> MenteeNames, string Form,
    string FormName, string Level, string Status, string StatusName, Guid MunicipalityId, string Municipality, DateOnly StartDate, DateOnly? EndDate,
    string? Order, int Meetings, decimal Hours, int MentorLoad, bool MentorOverloaded);

public sealed record PairSummaries(IReadOnlyList<PairSummary> Items, int Total, int Page, int PageSize);

public sealed record MeetingRequest(DateOnly? Date, string? Topic, decimal? Hours, string? Notes);

public sealed record ClosePairRequest(string? Evaluation, int? Score, DateOnly? Date);

public static class MentoringApi
{
    public static void MapMentoringEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/young-teachers", YoungTeachersAsync).WithTags("Наставничество")
            .WithSummary("Молодые педагоги в области видимости: municipalityId, organizationId, hasMentor, adaptation, search, page");
        api.MapGet("/teachers/{id:guid}/mentor-suggestions", SuggestionsAsync).WithTags("Наставничество")
            .WithSummary("Подходящие наставники для педагога, лучшие первыми (не больше 10), с причинами");

        var pairs = api.MapGroup("/mentoring/pairs").WithTags("Наставничество");
        pairs.MapGet("/", ListAsync).WithSummary("Пары и группы наставничества: municipalityId, organizationId, status, form, search, page");
        pairs.MapPost("/", CreateAsync)
            .WithSummary("Создаёт пару или группу: mentorId, menteeIds, form (по умолчанию experiencedYoung), startDate; предупреждает о перегрузке наставника");
        pairs.MapGet("/{id:guid}", GetAsync).WithSummary("Пара с планом, встречами и итогом");
        pairs.MapPost("/{id:guid}/meetings", MeetingAsync).WithSummary("Запись о встрече: date, topic, hours");
        pairs.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Завершение с итоговой оценкой: evaluation, score (1–5)");
        pairs.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Отмена действующей пары");
    }

    private static async Task<Results<Ok<YoungTeacherItems>, ProblemHttpResult>> YoungTeachersAsync(YoungTeacherList list, Guid? municipalityId,
        Guid? organizationId, bool? hasMentor, string? adaptation, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        AdaptationState? state = null;
        if (!string.IsNullOrWhiteSpace(adaptation))
        {
            state = Enum.GetValues<AdaptationState>().Cast<AdaptationState?>()
                .FirstOrDefault(s => string.Equals(s!.Value.Code(), adaptation.Trim(), StringComparison.OrdinalIgnoreCase));
            if (state is null)
                return Problems.BadRequest($"Неизвестное состояние адаптации «{adaptation}»: допустимы {string.Join(", ", Enum.GetValues<AdaptationState>().Select(s => s.Code()))}.");
        }
        var result = await list.PageAsync(new YoungTeacherFilter
        {
            MunicipalityId = municipalityId, OrganizationId = organizationId, HasMentor = hasMentor, Adaptation = state, Search = search,
            Page = page ?? 1, PageSize = pageSize ?? 50,
        }, ct);
        var today = list.Today;
        return TypedResults.Ok(new YoungTeacherItems(result.Items.Select(r => new YoungTeacherItem(
            r.Id, r.FullName, r.OrganizationId, r.Organization, r.MunicipalityId, r.Municipality, r.Position, r.Subjects, r.WorkStart,
            TeacherRules.ExperienceYears(r.WorkStart, today), r.HasMentor, r.MentorId, r.MentorName, r.PairId, r.RouteId, r.RouteStatus?.Code(),
            r.RouteStatus?.Title(), r.Adaptation.Code(), r.Adaptation.Title())).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<List<MentorSuggestionItem>>, ProblemHttpResult>> SuggestionsAsync(Guid id, MentorSuggestions suggestions,
        CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (!await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == id, ct))
            return Problems.NotFound("Педагог не найден или недоступен в вашей области видимости.");
        var found = await suggestions.ForAsync(id, ct: ct);
        return TypedResults.Ok((found?.Suggestions ?? []).Select(ToItem).ToList());
    }

    internal static MentorSuggestionItem ToItem(MentorSuggestion s) => new(
        s.Candidate.PersonId, s.Score, s.Reasons, s.Candidate.Name, s.Candidate.OrganizationId, s.Candidate.Organization,
        s.Candidate.Subjects.Select(x => x.Name).ToList(), s.Candidate.Category.ToString(), s.Candidate.Category.Title(), s.Candidate.ExperienceYears,
        s.Candidate.CurrentMentees, s.Overloaded);

    private static async Task<Results<Ok<PairSummaries>, ProblemHttpResult>> ListAsync(MentoringPairList list, Guid? municipalityId, Guid? organizationId,
        string? status, string? form, string? search, bool? overloaded, int? page, int? pageSize, CancellationToken ct)
    {
        var parsedStatus = MentoringTitles.ParseStatus(status);
        if (!string.IsNullOrWhiteSpace(status) && parsedStatus is null)
            return Problems.BadRequest($"Неизвестное состояние пары «{status}»: допустимы {string.Join(", ", MentoringTitles.Statuses.Select(s => s.Code()))}.");
        var parsedForm = MentoringTitles.ParseForm(form);
        if (!string.IsNullOrWhiteSpace(form) && parsedForm is null)
            return Problems.BadRequest($"Неизвестная форма наставничества «{form}». Допустимые значения: {MentoringTitles.AllowedForms}.");
        var result = await list.PageAsync(new PairFilter
        {
            MunicipalityId = municipalityId, OrganizationId = organizationId, Status = parsedStatus, Form = parsedForm, Search = search,
            OverloadedOnly = overloaded ?? false, Page = page ?? 1, PageSize = pageSize ?? 50,
        }, ct);
        return TypedResults.Ok(new PairSummaries(result.Items.Select(r => new PairSummary(
            r.Id, r.MentorId, r.MentorName, r.MentorOrganization, r.Mentees.Select(m => m.Id).ToList(), r.Mentees.Select(m => m.FullName).ToList(),
            r.Form.Code(), r.Form.Title(), r.Level.Code(), r.Status.Code(), r.Status.Title(), r.MunicipalityId, r.Municipality, r.StartDate, r.EndDate,
            r.Order, r.Meetings, r.Hours, r.MentorLoad, r.MentorOverloaded)).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Created<PairView>, ProblemHttpResult>> CreateAsync(CreatePairRequest? request, MentoringPairs pairs, AppDbContext db,
        CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("Передайте пару в теле запроса: mentorId, menteeIds, form, startDate.");
        var form = MentoringForm.ExperiencedYoung;
        if (!string.IsNullOrWhiteSpace(request.Form))
        {
            if (MentoringTitles.ParseForm(request.Form) is not { } parsed)
                return Problems.BadRequest($"Неизвестная форма наставничества «{request.Form}». Допустимые значения: {MentoringTitles.AllowedForms}.");
            form = parsed;
        }
        MentoringLevel? level = null;
        if (!string.IsNullOrWhiteSpace(request.Level))
        {
            level = MentoringTitles.ParseLevel(request.Level);
            if (level is null) return Problems.BadRequest("Неизвестный уровень: допустимы organization (образовательная организация) и municipality (муниципалитет).");
        }
        var (op, pair) = await pairs.CreateAsync(new NewPairInput(request.MentorId, request.MenteeIds ?? [], form, level, request.StartDate, request.EndDate,
            request.OrderNumber, request.OrderDate, request.Goals), ct);
        if (!op.Succeeded) return Problem(op);
        var saved = await pairs.FindAsync(pair!.Id, ct);
        return TypedResults.Created($"/api/mentoring/pairs/{pair.Id}", await ViewAsync(saved!, pairs, db, op.Warnings, ct));
    }

    private static async Task<Results<Ok<PairView>, ProblemHttpResult>> GetAsync(Guid id, MentoringPairs pairs, AppDbContext db, CancellationToken ct) =>
        await pairs.FindAsync(id, ct) is { } pair ? TypedResults.Ok(await ViewAsync(pair, pairs, db, [], ct)) : Problems.NotFound(MentoringPairs.PairNotFound);

    private static async Task<Results<Created<PairView>, ProblemHttpResult>> MeetingAsync(Guid id, MeetingRequest? request, MentoringPairs pairs,
        AppDbContext db, CancellationToken ct)
    {
        if (await pairs.FindAsync(id, ct) is not { } pair) return Problems.NotFound(MentoringPairs.PairNotFound);
        var (op, _) = await pairs.AddMeetingAsync(pair, request?.Date, request?.Topic, request?.Hours, request?.Notes, ct);
        if (!op.Succeeded) return Problem(op);
        return TypedResults.Created($"/api/mentoring/pairs/{id}", await ViewAsync(pair, pairs, db, [], ct));
    }

    private static async Task<Results<Ok<PairView>, ProblemHttpResult>> CloseAsync(Guid id, ClosePairRequest? request, MentoringPairs pairs, AppDbContext db,
        CancellationToken ct)
    {
        if (await pairs.FindAsync(id, ct) is not { } pair) return Problems.NotFound(MentoringPairs.PairNotFound);
        var op = await pairs.CloseAsync(pair, request?.Evaluation, request?.Score, request?.Date, ct);
        return op.Succeeded ? TypedResults.Ok(await ViewAsync(pair, pairs, db, [], ct)) : Problem(op);
    }

    private static async Task<Results<Ok<PairView>, ProblemHttpResult>> CancelAsync(Guid id, MentoringPairs pairs, AppDbContext db, CancellationToken ct)
    {
        if (await pairs.FindAsync(id, ct) is not { } pair) return Problems.NotFound(MentoringPairs.PairNotFound);
        var op = await pairs.CancelAsync(pair, ct);
        return op.Succeeded ? TypedResults.Ok(await ViewAsync(pair, pairs, db, [], ct)) : Problem(op);
    }

    internal static ProblemHttpResult Problem(MentoringOp op) => op.Status switch
    {
        MentoringOpStatus.Invalid => Problems.BadRequest(op.Message!),
        MentoringOpStatus.Forbidden => Problems.Forbidden(op.Message!),
        MentoringOpStatus.NotFound => Problems.NotFound(op.Message!),
        _ => Problems.Conflict(op.Message!),
    };

    /// <summary>The pair as the API shows it; the mentor's load and its warning are worked out now.</summary>
    private static async Task<PairView> ViewAsync(MentoringPair p, MentoringPairs pairs, AppDbContext db, IReadOnlyList<string> warnings, CancellationToken ct)
    {
        var ids = p.Mentees.Select(m => m.PersonId).Append(p.MentorPersonId).ToArray();
        var people = await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(x => ids.Contains(x.Id)), ct);
        var limit = await pairs.LoadLimitAsync(ct);
        var load = (await pairs.LoadsAsync([p.MentorPersonId], ct)).GetValueOrDefault(p.MentorPersonId);
        var notes = warnings.Count > 0 || p.Status != MentoringStatus.Active ? warnings : MentoringRules.OverloadNote(load, limit) is { } note ? [note] : [];
        var mentor = people[p.MentorPersonId];
        return new PairView(
            p.Id, p.MentorPersonId, mentor.FullName, mentor.Organization, p.Mentees.Select(m => m.PersonId).ToList(),
            p.Mentees.Select(m => people[m.PersonId]).OrderBy(m => m.FullName, StringComparer.Ordinal).Select(m => new PairPersonItem(m.Id, m.FullName, m.Organization, m.Position)).ToList(),
            p.Form.Code(), p.Form.Title(), p.Level.Code(), p.Status.Code(), p.Status.Title(), p.MunicipalityId, p.OrganizationId, p.StartDate, p.EndDate,
            p.OrderNumber, p.OrderDate, p.Goals, p.Evaluation, p.EvaluationScore, p.ClosedOn,
            p.PlanItems.OrderBy(i => i.SortOrder).Select(i => new PlanItemView(i.Id, i.Kind.Code(), i.Title, i.Details, i.DueDate, i.IsDone, i.DoneOn)).ToList(),
            p.Meetings.OrderBy(m => m.Date).ThenBy(m => m.CreatedAt).Select(m => new MeetingView(m.Id, m.Date, m.Topic, m.Hours, m.Notes, m.CreatedBy)).ToList(),
            p.Meetings.Sum(m => m.Hours), load, limit, notes);
    }
}
