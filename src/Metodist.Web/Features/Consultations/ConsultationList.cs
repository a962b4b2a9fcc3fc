using Metodist.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

/// <summary>Whose requests by assignee: all, the user's own, or those nobody is assigned to.</summary>
public enum AssigneeFilter
{
    Any,
    Mine,
    Nobody,
}

public sealed class ConsultationFilter
{
    public DeskView View { get; set; } = DeskView.All;
    public ConsultationStatus? Status { get; set; }
    public Guid? SubjectId { get; set; }
    public AssigneeFilter Assignee { get; set; }
    public bool Overdue { get; set; }
    public ConsultationLevel? Level { get; set; }
    public Guid? MunicipalityId { get; set; }

    /// <summary>A request's number, or words of its topic or of the asker's name.</summary>
    public string? Search { get; set; }

    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 30;
}

public sealed record ConsultationSummary(
    Guid Id, int Number, string Status, string StatusName, string Level, string Service, Guid? ServiceMunicipalityId, string Topic, Guid? SubjectId,
    string? Subject, string AskerName, bool FromOrganization, string? Municipality, string? AssigneeName, DateOnly DueOn, bool Overdue, DateTime CreatedAt,
    DateTime? AnsweredAt, bool IsPublished);

public sealed record ConsultationListPage(IReadOnlyList<ConsultationSummary> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The desk's list for the pages and the API: filters, counts by status, paging and the XLSX export.</summary>
public sealed class ConsultationList(ConsultationDesk desk, Infrastructure.Data.AppDbContext db)
{
    public const int MaxExportRows = 100_000;

    private async Task<IQueryable<ConsultationRequest>> QueryAsync(ConsultationFilter f, bool withStatus, CancellationToken ct)
    {
        var query = (await desk.VisibleAsync(f.View, ct)).AsNoTracking();
        if (withStatus && f.Status is { } status) query = query.Where(r => r.Status == status);
        if (f.SubjectId is { } subject) query = query.Where(r => r.SubjectId == subject);
        if (f.Level is { } level) query = query.Where(r => r.Level == level);
        if (f.MunicipalityId is { } m) query = query.Where(r => r.MunicipalityId == m);
        if (f.Assignee == AssigneeFilter.Nobody) query = query.Where(r => r.AssigneeName == null);
        if (f.Assignee == AssigneeFilter.Mine && (await desk.MeAsync(ct)).UserId is { } me) query = query.Where(r => r.AssigneeUserId == me);
        if (f.Overdue)
        {
            var today = desk.Today;
            query = query.Where(r => (r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress) && r.DueOn < today);
        }
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var text = f.Search.Trim().TrimStart('№').Trim();
            if (int.TryParse(text, out var number)) query = query.Where(r => r.Number == number);
            else
            {
                var folded = Infrastructure.Text.SearchText.Normalize(text);
                var (v0, v1, v2, v3) = TextVariants.Of(text);
                query = query.Where(r => (r.AskerPerson != null && r.AskerPerson.SearchName.Contains(folded))
                    || r.Topic.Contains(v0) || r.Topic.Contains(v1) || r.Topic.Contains(v2) || r.Topic.Contains(v3)
                    || r.AskerName.Contains(v0) || r.AskerName.Contains(v1) || r.AskerName.Contains(v2) || r.AskerName.Contains(v3));
            }
        }
        return query;
    }

    /// <summary>A row as the database gives it, with the enums still enums.</summary>
    private sealed record Row(
        Guid Id, int Number, ConsultationStatus Status, ConsultationLevel Level, Guid? ServiceMunicipalityId, string Topic, Guid? SubjectId, string? Subject,
        string AskerName, bool FromOrganization, Guid? MunicipalityId, Guid? OrganizationId, string? AssigneeName, DateOnly DueOn, DateTime CreatedAt,
        DateTime? AnsweredAt, bool IsPublished);

    private static IQueryable<Row> Project(IQueryable<ConsultationRequest> query) => query.Select(r => new Row(
        r.Id, r.Number, r.Status, r.Level, r.ServiceMunicipalityId, r.Topic, r.SubjectId, r.SubjectName, r.AskerName, r.FromOrganization, r.MunicipalityId,
        r.OrganizationId, r.AssigneeName, r.DueOn, r.CreatedAt, r.AnsweredAt, r.IsPublished));

    private async Task<Dictionary<Guid, string>> MunicipalityNamesAsync(IEnumerable<Row> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(r => new[] { r.MunicipalityId, r.ServiceMunicipalityId }).Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
        return await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }

    private ConsultationSummary Summary(Row r, Dictionary<Guid, string> municipalities) => new(
        r.Id, r.Number, r.Status.Code(), r.Status.Title(), r.Level.Code(),
        ConsultationTitles.ServiceName(r.Level, r.ServiceMunicipalityId is { } s ? municipalities.GetValueOrDefault(s) : null), r.ServiceMunicipalityId,
        r.Topic, r.SubjectId, r.Subject, r.AskerName, r.FromOrganization, r.MunicipalityId is { } m ? municipalities.GetValueOrDefault(m) : null,
        r.AssigneeName, r.DueOn, ConsultationWorkflow.IsOverdue(r.Status, r.DueOn, desk.Today), r.CreatedAt, r.AnsweredAt, r.IsPublished);

    public async Task<ConsultationListPage> PageAsync(ConsultationFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await QueryAsync(filter, true, ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await Project(Order(query).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        var names = await MunicipalityNamesAsync(rows, ct);
        return new ConsultationListPage(rows.Select(r => Summary(r, names)).ToList(), total, page, pageSize);
    }

    /// <summary>Open requests first, the nearest due date first; then the rest, the latest first.</summary>
    private static IQueryable<ConsultationRequest> Order(IQueryable<ConsultationRequest> query) => query
        .OrderBy(r => r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress ? 0 : 1)
        .ThenBy(r => r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress ? r.DueOn : DateOnly.MinValue)
        .ThenByDescending(r => r.Number);

    /// <summary>How many requests of each status match the other filters (for the tabs of the desk).</summary>
    public async Task<Dictionary<ConsultationStatus, int>> CountsAsync(ConsultationFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await QueryAsync(filter, false, ct);
        var counts = await query.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>How many open requests matching the filters are overdue, and how many are due today or tomorrow.</summary>
    public async Task<(int Overdue, int DueSoon)> DeadlinesAsync(ConsultationFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = (await QueryAsync(filter, false, ct)).Where(r => r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress);
        var today = desk.Today;
        var tomorrow = today.AddDays(1);
        var overdue = await query.CountAsync(r => r.DueOn < today, ct);
        var soon = await query.CountAsync(r => r.DueOn == today || r.DueOn == tomorrow, ct);
        return (overdue, soon);
    }

    public async Task<byte[]> ExportAsync(ConsultationFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await QueryAsync(filter, true, ct);
        var rows = await Project(query.OrderBy(r => r.Number).Take(MaxExportRows)).ToListAsync(ct);
        var names = await MunicipalityNamesAsync(rows, ct);
        var organizationIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var today = desk.Today;
        XlsxColumn<Row>[] columns =
        [
            new("№", 8, r => r.Number),
            new("Поступило", 12, r => LocalDay(r.CreatedAt)),
            new("Тема", 40, r => r.Topic),
            new("Предмет", 20, r => r.Subject),
            new("Заявитель", 32, r => r.FromOrganization ? r.AskerName + " (организация)" : r.AskerName),
            new("Организация", 30, r => r.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null),
            new("Муниципалитет", 22, r => r.MunicipalityId is { } m ? names.GetValueOrDefault(m) : null),
            new("Служба", 22, r => ConsultationTitles.ServiceName(r.Level, r.ServiceMunicipalityId is { } s ? names.GetValueOrDefault(s) : null)),
            new("Исполнитель", 30, r => r.AssigneeName),
            new("Срок ответа", 12, r => r.DueOn),
            new("Состояние", 14, r => r.Status.Title()),
            new("Просрочено", 12, r => ConsultationWorkflow.IsOverdue(r.Status, r.DueOn, today) ? "да" : "нет"),
            new("Дата ответа", 12, r => r.AnsweredAt is { } a ? LocalDay(a) : null),
        ];
        return Xlsx.Write("Обращения", columns, rows);
    }

    /// <summary>The region's date of an instant stored in UTC.</summary>
    public static DateOnly LocalDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Infrastructure.Web.Format.TimeZone));
}

/// <summary>
/// Case variants of a search word for columns without a folded copy: SQLite lowers only ASCII letters, so «рабочая»
/// is also looked for as «Рабочая» and «РАБОЧАЯ».
/// </summary>
public static class TextVariants
{
    /// <summary>The text as typed, in lower case, capitalised, and in upper case.</summary>
    public static (string AsTyped, string Lower, string Capitalised, string Upper) Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var lower = t.ToLowerInvariant();
        return (t, lower, lower.Length > 0 ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower, t.ToUpperInvariant());
    }
}
