using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Files;
using Metodist.Web.Features.Notifications;
using Metodist.Web.Features.Settings;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

/// <summary>A new request as a form or the API gives it; <see cref="Subject"/> is a subject's id, its name, or free text.</summary>
public sealed record ConsultationInput(string? Topic, string? Subject, string? Text, bool ToRegion, Guid? OrganizationId, IReadOnlyList<UploadedScan> Files);

/// <summary>A created request, or the field errors (field → message) or the refusal that stopped it.</summary>
public sealed record CreateOutcome(ConsultationRequest? Request, IReadOnlyDictionary<string, string> Errors, ConsultationOp Op);

/// <summary>Who asks, where from and where it goes, before anything is saved (the form shows it too).</summary>
public sealed record AskerInfo(Guid? PersonId, string Name, Guid? OrganizationId, Guid? MunicipalityId, string? MunicipalityName, bool FromOrganization);

/// <summary>Which requests a list shows: those the user asked, those of the user's desk, or both.</summary>
public enum DeskView
{
    All,
    Own,
    Desk,
}

/// <summary>
/// The consultation desk: which requests a user sees, asking, and every step of a request (take, assign, answer, reject,
/// forward, return, close, publish). Each step is one SaveChanges with its history row and the notifications it sends.
/// </summary>
public sealed class ConsultationDesk(AppDbContext db, CurrentUser user, ConsultationRouter router, RegionSettings settings, Notifier notifier, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The requests the scope may see: asked by the user (or by their organization), or handled by the user's service or by the user.</summary>
    public static IQueryable<ConsultationRequest> Filter(IQueryable<ConsultationRequest> source, UserScope scope, DeskView view)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.UserId is not { } userId) return source.Where(_ => false);
        var personId = scope.PersonId;
        var organizations = RoleScopes(scope, AppRole.SchoolMethodist);
        var services = RoleScopes(scope, AppRole.MunicipalMethodist);
        var regionAdmin = scope.IsRegionAdmin;
        var region = scope.MunicipalityIds;
        if (view != DeskView.Own && scope.SeesEveryone) return source;
        return view switch
        {
            DeskView.Own => source.Where(r => r.AskerUserId == userId || (personId != null && r.AskerPersonId == personId)
                || (r.FromOrganization && r.OrganizationId != null && organizations.Contains(r.OrganizationId.Value))),
            DeskView.Desk => source.Where(r => r.AssigneeUserId == userId
                || (r.Level == ConsultationLevel.Municipal && r.ServiceMunicipalityId != null && services.Contains(r.ServiceMunicipalityId.Value))
                || (regionAdmin && (r.MunicipalityId == null || region.Contains(r.MunicipalityId.Value)))),
            _ => source.Where(r => r.AskerUserId == userId || (personId != null && r.AskerPersonId == personId)
                || (r.FromOrganization && r.OrganizationId != null && organizations.Contains(r.OrganizationId.Value))
                || r.AssigneeUserId == userId
                || (r.Level == ConsultationLevel.Municipal && r.ServiceMunicipalityId != null && services.Contains(r.ServiceMunicipalityId.Value))
                || (regionAdmin && (r.MunicipalityId == null || region.Contains(r.MunicipalityId.Value)))),
        };
    }

    private static Guid[] RoleScopes(UserScope scope, AppRole role) => scope.Roles.Where(r => r.Role == role).Select(r => r.ScopeId).Distinct().ToArray();

    public async Task<IQueryable<ConsultationRequest>> VisibleAsync(DeskView view = DeskView.All, CancellationToken ct = default) =>
        Filter(db.ConsultationRequests, await user.ScopeAsync(ct), view);

    /// <summary>Whether the user works at a desk: a methodist of a municipal service, the region's centre, or someone requests are assigned to.</summary>
    public async Task<bool> IsDeskUserAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is not { } userId) return false;
        return scope.IsRegionAdmin || scope.Has(AppRole.MunicipalMethodist) || await db.ConsultationRequests.AnyAsync(r => r.AssigneeUserId == userId, ct);
    }

    /// <summary>The request with its attachments and history, tracked, or null when it is not there or not visible.</summary>
    public async Task<ConsultationRequest?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(DeskView.All, ct);
        return await visible.Include(r => r.Attachments).Include(r => r.History.OrderBy(h => h.At)).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>A file of a visible request (its question's or its answer's), or null.</summary>
    public async Task<StoredFile?> FileAsync(Guid requestId, Guid fileId, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(DeskView.All, ct);
        if (!await visible.AnyAsync(r => r.Id == requestId && r.Attachments.Any(a => a.FileId == fileId), ct)) return null;
        return await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
    }

    public async Task<ConsultationActor> ActorAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is not { } userId) return ConsultationActor.Nobody;
        var isAsker = request.AskerUserId == userId || (scope.PersonId is { } me && request.AskerPersonId == me)
            || (request.FromOrganization && request.OrganizationId is { } o && scope.Roles.Any(r => r.Role == AppRole.SchoolMethodist && r.ScopeId == o));
        var isCentre = scope.IsRegionAdmin
            && (scope.SeesEveryone || request.MunicipalityId is not { } m || scope.MunicipalityIds.Contains(m));
        var isService = isCentre || (request.Level == ConsultationLevel.Municipal && request.ServiceMunicipalityId is { } s
            && scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == s));
        return new ConsultationActor(isAsker, isService, request.AssigneeUserId == userId, isCentre);
    }

    /// <summary>The user's id and the name steps are signed with.</summary>
    public async Task<(Guid? UserId, string Name)> MeAsync(CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        return (scope.UserId, string.IsNullOrWhiteSpace(scope.DisplayName) ? user.UserName : scope.DisplayName);
    }

    /// <summary>The due date of a request received today: the region's number of working days after today.</summary>
    public async Task<DateOnly> DueDateAsync(CancellationToken ct = default) =>
        WorkingDays.AddWorkingDays(Today, await settings.GetAsync(RegionSettings.ConsultationDueDays, ct));

    /// <summary>
    /// Who asks: the organization when its methodist asks on its behalf; otherwise the user's person with their main job's
    /// organization and municipality; otherwise (an account without a person) the account itself, with no municipality.
    /// </summary>
    public async Task<(AskerInfo? Asker, ConsultationOp Op)> AskerAsync(Guid? organizationId, CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        var (_, name) = await MeAsync(ct);
        if (organizationId is { } orgId)
        {
            if (!scope.Roles.Any(r => r.Role == AppRole.SchoolMethodist && r.ScopeId == orgId))
                return (null, ConsultationOp.Forbidden("Обращаться от имени организации может её методист (заместитель директора)."));
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId)
                .Select(o => new { o.ShortName, o.MunicipalityId, Municipality = o.Municipality!.Name }).FirstOrDefaultAsync(ct);
            if (org is null) return (null, ConsultationOp.NotFound("Организация не найдена."));
            return (new AskerInfo(scope.PersonId, org.ShortName, orgId, org.MunicipalityId, org.Municipality, true), ConsultationOp.Ok);
        }
        if (scope.PersonId is { } personId)
        {
            var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new
                {
                    p.LastName, p.FirstName, p.MiddleName,
                    Job = p.Employments.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate)
                        .Select(e => new { e.OrganizationId, e.MunicipalityId, Municipality = e.Organization!.Municipality!.Name }).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(ct);
            if (person is not null)
            {
                var fullName = string.IsNullOrEmpty(person.MiddleName) ? $"{person.LastName} {person.FirstName}" : $"{person.LastName} {person.FirstName} {person.MiddleName}";
                return (new AskerInfo(personId, fullName, person.Job?.OrganizationId, person.Job?.MunicipalityId, person.Job?.Municipality, false), ConsultationOp.Ok);
            }
        }
        return (new AskerInfo(null, name, null, null, null, false), ConsultationOp.Ok);
    }

    /// <summary>A subject from an id, a dictionary name (any case) or free text.</summary>
    public async Task<(Guid? Id, string? Name)> ResolveSubjectAsync(string? subject, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(subject)) return (null, null);
        var text = subject.Trim();
        var subjects = await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var match = Guid.TryParse(text, out var id)
            ? subjects.FirstOrDefault(s => s.Id == id)
            : subjects.FirstOrDefault(s => SearchText.Normalize(s.Name) == SearchText.Normalize(text));
        if (match is not null) return (match.Id, match.Name);
        return Guid.TryParse(text, out _) ? (null, null) : (null, text);
    }

    public async Task<CreateOutcome> CreateAsync(ConsultationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var topic = input.Topic?.Trim();
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(topic)) errors["Topic"] = "Укажите тему обращения.";
        else if (topic.Length > 300) errors["Topic"] = "Тема — не длиннее 300 знаков.";
        if (string.IsNullOrEmpty(text)) errors["Text"] = "Опишите вопрос: что нужно, в чём затруднение.";
        else if (text.Length > 8000) errors["Text"] = "Текст обращения — не длиннее 8000 знаков.";
        var (subjectId, subjectName) = await ResolveSubjectAsync(input.Subject, ct);
        if (input.Subject is { Length: > 0 } raw && Guid.TryParse(raw.Trim(), out _) && subjectId is null)
            errors["Subject"] = "Предмет с таким идентификатором не найден в справочнике.";
        else if (subjectName?.Length > 200) errors["Subject"] = "Предмет — не длиннее 200 знаков.";
        if (ConsultationFiles.Problem(input.Files) is { } fileProblem) errors["Files"] = fileProblem;
        if (errors.Count > 0) return new CreateOutcome(null, errors, ConsultationOp.Invalid(string.Join(" ", errors.Values)));

        var (asker, op) = await AskerAsync(input.OrganizationId, ct);
        if (asker is null) return new CreateOutcome(null, errors, op);
        var (userId, userName) = await MeAsync(ct);
        var decision = await router.RouteAsync(asker.MunicipalityId, input.ToRegion, subjectId, ct);
        var request = new ConsultationRequest
        {
            Id = Guid.CreateVersion7(), AskerPersonId = asker.PersonId, AskerUserId = userId, AskerName = asker.Name,
            OrganizationId = asker.OrganizationId, FromOrganization = asker.FromOrganization, MunicipalityId = asker.MunicipalityId,
            Topic = topic!, SubjectId = subjectId, SubjectName = subjectName, Text = text!, Level = decision.Level,
            ServiceMunicipalityId = decision.ServiceMunicipalityId, AssigneeUserId = decision.Assignee?.UserId, AssigneeName = decision.Assignee?.Name,
            Status = ConsultationStatus.New, CreatedAt = Now, UpdatedAt = Now, DueOn = await DueDateAsync(ct),
        };
        var service = await ServiceNameAsync(request, ct);
        var routed = $"Обращение поступило{(asker.FromOrganization ? $" от имени организации ({userName})" : "")}; направлено: {service}; "
            + (decision.Assignee is { } a ? $"исполнитель — {a.Name}." : "исполнитель не назначен: служба возьмёт его в работу.");
        request.History.Add(Step(request, ConsultationStatus.New, userName, routed));
        foreach (var file in input.Files)
        {
            var stored = ConsultationFiles.ToStoredFile(file, request.AskerPersonId, userName);
            db.StoredFiles.Add(stored);
            request.Attachments.Add(new ConsultationAttachment { RequestId = request.Id, FileId = stored.Id });
        }
        db.ConsultationRequests.Add(request);
        await SaveNumberedAsync(request, ct);
        if (request.AssigneeUserId is not null && request.AssigneeUserId != userId)
        {
            // The number is known once saved; the assignee's message names it.
            NotifyNewAssignee(request, userId);
            await db.SaveChangesAsync(ct);
        }
        return new CreateOutcome(request, errors, ConsultationOp.Ok);
    }

    /// <summary>
    /// Saves a new request with the next number (the largest so far plus one, read in the same transaction). Two requests
    /// saved at once may take the same number: the unique index refuses the second, which takes the next number and is saved again.
    /// </summary>
    private async Task SaveNumberedAsync(ConsultationRequest request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            request.Number = (await db.ConsultationRequests.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt == 0 && IsUniqueViolation(e))
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public static string Link(ConsultationRequest request) => $"/Consultations/{request.Id}";

    /// <summary>The service that handles the request, as people call it («ММС: Северодвинск» or ЦНППМ).</summary>
    public async Task<string> ServiceNameAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.ServiceMunicipalityId is { } m
            ? await db.Municipalities.AsNoTracking().Where(x => x.Id == m).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        return ConsultationTitles.ServiceName(request.Level, name);
    }

    private ConsultationHistory Step(ConsultationRequest request, ConsultationStatus to, string userName, string? comment) => new()
    {
        Id = Guid.CreateVersion7(), RequestId = request.Id, From = request.Status, To = to, At = Now, UserName = userName,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
    };

    /// <summary>Adds the history row of a step and moves the request to <paramref name="to"/>.</summary>
    private void Move(ConsultationRequest request, ConsultationStatus to, string userName, string? comment)
    {
        db.ConsultationHistory.Add(Step(request, to, userName, comment));
        request.Status = to;
        request.UpdatedAt = Now;
    }

    private async Task<ConsultationOp> CheckAsync(ConsultationAction action, ConsultationRequest request, CancellationToken ct) =>
        ConsultationWorkflow.Check(action, request.Status, request.Level, await ActorAsync(request, ct));

    /// <summary>Tells the asker about a step (not when the asker made it).</summary>
    private void NotifyAsker(ConsultationRequest request, Guid? actorId, string text)
    {
        if (request.AskerUserId != actorId) notifier.Notify(request.AskerUserId, text, Link(request));
    }

    private static string Title(ConsultationRequest r) => $"№ {r.Number} «{r.Topic}»";

    /// <summary>«Взять в работу»: the request becomes the user's and is in progress.</summary>
    public async Task<ConsultationOp> TakeAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(ConsultationAction.Take, request, ct);
        if (!check.Succeeded) return check;
        var (userId, name) = await MeAsync(ct);
        request.AssigneeUserId = userId;
        request.AssigneeName = name;
        request.TakenAt = Now;
        Move(request, ConsultationStatus.InProgress, name, $"Взято в работу, исполнитель — {name}.");
        NotifyAsker(request, userId, $"Ваше обращение {Title(request)} взято в работу. Срок ответа — {Format.Date(request.DueOn)}.");
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    /// <summary>Assigns the request to a colleague of the handling service; the status stays as it is.</summary>
    public async Task<ConsultationOp> AssignAsync(ConsultationRequest request, Guid assigneeUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(ConsultationAction.Assign, request, ct);
        if (!check.Succeeded) return check;
        var colleague = (await router.ColleaguesAsync(request, ct)).FirstOrDefault(c => c.UserId == assigneeUserId);
        if (colleague is null) return ConsultationOp.Invalid("Исполнителем может быть методист службы, которая рассматривает обращение.");
        if (request.AssigneeUserId == assigneeUserId) return ConsultationOp.Invalid($"{colleague.Name} уже исполнитель этого обращения.");
        var (userId, name) = await MeAsync(ct);
        request.AssigneeUserId = colleague.UserId;
        request.AssigneeName = colleague.Name;
        Move(request, request.Status, name, $"Назначен исполнитель — {colleague.Name}.");
        NotifyNewAssignee(request, userId);
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    /// <summary>The answer, with optional files; a new request is taken by the one who answers it.</summary>
    public async Task<ConsultationOp> AnswerAsync(ConsultationRequest request, string? text, IReadOnlyList<UploadedScan> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        var check = await CheckAsync(ConsultationAction.Answer, request, ct);
        if (!check.Succeeded) return check;
        var answer = text?.Trim();
        if (string.IsNullOrEmpty(answer)) return ConsultationOp.Invalid("Напишите текст ответа.");
        if (answer.Length > 8000) return ConsultationOp.Invalid("Ответ — не длиннее 8000 знаков; подробные материалы приложите файлами.");
        if (ConsultationFiles.Problem(files) is { } problem) return ConsultationOp.Invalid(problem);
        var (userId, name) = await MeAsync(ct);
        if (request.Status == ConsultationStatus.New)
        {
            request.TakenAt = Now;
            if (request.AssigneeName is null) (request.AssigneeUserId, request.AssigneeName) = (userId, name);
        }
        foreach (var file in files)
        {
            var stored = ConsultationFiles.ToStoredFile(file, request.AskerPersonId, name);
            db.StoredFiles.Add(stored);
            db.ConsultationAttachments.Add(new ConsultationAttachment { RequestId = request.Id, FileId = stored.Id, IsAnswer = true });
        }
        request.Answer = answer;
        request.AnsweredAt = Now;
        request.AnsweredBy = name;
        Move(request, ConsultationStatus.Answered, name, files.Count > 0 ? $"Ответ дан, приложено файлов: {files.Count}." : "Ответ дан.");
        NotifyAsker(request, userId, $"На ваше обращение {Title(request)} дан ответ.");
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    public async Task<ConsultationOp> RejectAsync(ConsultationRequest request, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(ConsultationAction.Reject, request, ct);
        if (!check.Succeeded) return check;
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return ConsultationOp.Invalid("Укажите причину отклонения: заявитель увидит её.");
        if (why.Length > 2000) return ConsultationOp.Invalid("Причина — не длиннее 2000 знаков.");
        var (userId, name) = await MeAsync(ct);
        request.RejectionReason = why;
        request.ClosedAt = Now;
        Move(request, ConsultationStatus.Rejected, name, why);
        NotifyAsker(request, userId, $"Обращение {Title(request)} отклонено. Причина: {why}");
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    /// <summary>The municipal service passes the request to the region's centre; it becomes new there, the due date stays.</summary>
    public Task<ConsultationOp> ForwardAsync(ConsultationRequest request, string? comment, CancellationToken ct = default) =>
        RerouteAsync(request, ConsultationAction.Forward, comment, ct);

    /// <summary>The region's centre returns the request to the methodological service of the asker's municipality.</summary>
    public Task<ConsultationOp> ReturnAsync(ConsultationRequest request, string? comment, CancellationToken ct = default) =>
        RerouteAsync(request, ConsultationAction.Return, comment, ct);

    /// <summary>Moves the request to the other level, routed again there (new, assigned anew); the due date stays.</summary>
    private async Task<ConsultationOp> RerouteAsync(ConsultationRequest request, ConsultationAction action, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(action, request, ct);
        if (!check.Succeeded) return check;
        if (comment?.Length > 2000) return ConsultationOp.Invalid("Комментарий — не длиннее 2000 знаков.");
        var toRegion = action == ConsultationAction.Forward;
        if (!toRegion && (request.MunicipalityId is not { } municipality || !await router.HasMunicipalServiceAsync(municipality, ct)))
            return ConsultationOp.Conflict("В муниципалитете заявителя нет методистов муниципальной службы с учётной записью: вернуть обращение некому.");
        var decision = await router.RouteAsync(request.MunicipalityId, toRegion, request.SubjectId, ct);
        var (userId, name) = await MeAsync(ct);
        var (what, where) = toRegion
            ? ("Передано в региональный центр (ЦНППМ)", "в региональный центр (ЦНППМ)")
            : ("Возвращено в муниципальную методическую службу", "в муниципальную методическую службу");
        request.Level = decision.Level;
        request.ServiceMunicipalityId = decision.ServiceMunicipalityId;
        request.AssigneeUserId = decision.Assignee?.UserId;
        request.AssigneeName = decision.Assignee?.Name;
        request.TakenAt = null;
        var assignee = decision.Assignee is { } a ? $" Исполнитель — {a.Name}." : "";
        Move(request, ConsultationStatus.New, name, $"{what}.{assignee}" + (string.IsNullOrWhiteSpace(comment) ? "" : " " + comment.Trim()));
        NotifyAsker(request, userId, $"Обращение {Title(request)} передано {where}. Срок ответа прежний — {Format.Date(request.DueOn)}.");
        NotifyNewAssignee(request, userId);
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    private void NotifyNewAssignee(ConsultationRequest request, Guid? actorId)
    {
        if (request.AssigneeUserId is { } assignee && assignee != actorId)
            notifier.Notify(assignee, $"Вам назначено обращение {Title(request)}, срок ответа — {Format.Date(request.DueOn)}.", Link(request));
    }

    public async Task<ConsultationOp> CloseAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(ConsultationAction.Close, request, ct);
        if (!check.Succeeded) return check;
        var (userId, name) = await MeAsync(ct);
        request.ClosedAt = Now;
        Move(request, ConsultationStatus.Closed, name, request.AskerUserId == userId ? "Закрыто заявителем." : "Закрыто службой.");
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    /// <summary>
    /// Publishes the answer to the public list, with the question and answer as the methodist edited them. The asker's
    /// surname must not appear in them: the public list names no one.
    /// </summary>
    public async Task<ConsultationOp> PublishAsync(ConsultationRequest request, string? question, string? answer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(ConsultationAction.Publish, request, ct);
        if (!check.Succeeded) return check;
        var q = question?.Trim();
        var a = answer?.Trim();
        if (string.IsNullOrEmpty(q) || string.IsNullOrEmpty(a)) return ConsultationOp.Invalid("Для публикации нужны и вопрос, и ответ.");
        if (q.Length > 8000 || a.Length > 8000) return ConsultationOp.Invalid("Вопрос и ответ — не длиннее 8000 знаков каждый.");
        if (await AskerSurnameAsync(request, ct) is { } surname && NamePattern(surname).IsMatch(q + " " + a))
            return ConsultationOp.Invalid($"В тексте для публикации встречается фамилия заявителя («{surname}»): уберите её — ответы публикуются без имён.");
        var (_, name) = await MeAsync(ct);
        if (!request.IsPublished) request.PublishedAt = Now;
        request.IsPublished = true;
        request.PublicQuestion = q;
        request.PublicAnswer = a;
        Move(request, request.Status, name, "Ответ опубликован в открытом списке ответов методистов.");
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    public async Task<ConsultationOp> UnpublishAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await CheckAsync(ConsultationAction.Publish, request, ct);
        if (!check.Succeeded) return check;
        if (!request.IsPublished) return ConsultationOp.Conflict("Ответ не опубликован.");
        var (_, name) = await MeAsync(ct);
        request.IsPublished = false;
        Move(request, request.Status, name, "Ответ снят с публикации.");
        await db.SaveChangesAsync(ct);
        return ConsultationOp.Ok;
    }

    /// <summary>The asker's surname, which a published text must not contain; none for an account without a person.</summary>
    private async Task<string?> AskerSurnameAsync(ConsultationRequest request, CancellationToken ct) =>
        request.AskerPersonId is { } personId
            ? await db.Persons.AsNoTracking().Where(p => p.Id == personId && p.LastName.Length >= 3).Select(p => p.LastName).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>
    /// The question and answer proposed for publication: the request's text and answer with the asker's name taken out
    /// (the methodist reads and edits them before publishing).
    /// </summary>
    public async Task<(string Question, string Answer)> PublicDraftAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsPublished && request.PublicQuestion is not null && request.PublicAnswer is not null)
            return (request.PublicQuestion, request.PublicAnswer);
        var words = new List<string>();
        if (request.AskerPersonId is { } personId
            && await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).FirstOrDefaultAsync(ct) is { } p)
        {
            words.Add(p.LastName);
            words.Add(p.FirstName);
            if (p.MiddleName is { Length: > 0 } middle) words.Add(middle);
        }
        return (Scrub(request.Text, words), Scrub(request.Answer ?? "", words));
    }

    /// <summary>Replaces each of the words (names) in any of their case forms with «…».</summary>
    public static string Scrub(string text, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words.Where(w => w.Length >= 3).OrderByDescending(w => w.Length))
            text = NamePattern(word).Replace(text, "…");
        return text;
    }

    /// <summary>
    /// A name as a whole word in any case form: its stem (without the ending that declension changes: Корельская,
    /// Корельской, Корельскую) and whatever letters follow, ignoring letter case.
    /// </summary>
    public static Regex NamePattern(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stem = name.Length >= 6 ? name[..^2] : name.Length >= 4 ? name[..^1] : name;
        return new Regex($@"\b{Regex.Escape(stem)}\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
