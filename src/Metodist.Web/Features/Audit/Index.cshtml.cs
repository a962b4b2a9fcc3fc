using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Audit;

public sealed record AuditRow(DateTime At, string UserName, Guid? PersonId, string? PersonName, string What, string? OldValue, string? NewValue);

/// <summary>The audit log of personal data, limited to the persons the reader may see.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? ChangedBy { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<AuditRow> Result { get; private set; } = new([], 0, 1, 100);
    public string? PersonName { get; private set; }

    public string Link(int? page = null, string? handler = null)
    {
        var q = new QueryBuilder();
        if (handler is not null) q.Add("handler", handler);
        if (PersonId is { } p) q.Add("personId", p.ToString());
        if (!string.IsNullOrWhiteSpace(ChangedBy)) q.Add("user", ChangedBy);
        if (From is { } f) q.Add("from", f.ToString("yyyy-MM-dd"));
        if (To is { } t) q.Add("to", t.ToString("yyyy-MM-dd"));
        if (page is > 1) q.Add("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Audit" + q.ToQueryString();
    }

    private async Task<IQueryable<AuditEntry>?> QueryAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.CanEditRegistry && PersonId != scope.PersonId) return null;
        var visible = scope.Persons(db.Persons).Select(p => (Guid?)p.Id);
        var query = db.AuditEntries.AsNoTracking().Where(a => visible.Contains(a.PersonId));
        if (PersonId is { } personId) query = query.Where(a => a.PersonId == personId);
        if (!string.IsNullOrWhiteSpace(ChangedBy)) { var by = ChangedBy.Trim(); query = query.Where(a => a.UserName == by); }
        if (From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); query = query.Where(a => a.At >= f); }
        if (To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); query = query.Where(a => a.At < t); }
        return query.OrderByDescending(a => a.At);
    }

    private IQueryable<AuditRow> Project(IQueryable<AuditEntry> q) => q.Select(a => new
    {
        Entry = a,
        Person = db.Persons.Where(p => p.Id == a.PersonId).Select(p => p.LastName + " " + p.FirstName + " " + (p.MiddleName ?? "")).FirstOrDefault(),
    }).Select(x => new AuditRow(x.Entry.At, x.Entry.UserName, x.Entry.PersonId, x.Person, x.Entry.EntityType + "|" + x.Entry.Action + "|" + (x.Entry.Field ?? ""), x.Entry.OldValue, x.Entry.NewValue));

    public static string Describe(string what)
    {
        var parts = what.Split('|');
        return AuditTitles.Describe(new AuditEntry { EntityType = parts[0], Action = Enum.Parse<AuditAction>(parts[1]), Field = parts[2] });
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = await QueryAsync(ct);
        if (query is null) return Forbid();
        var page = Math.Max(1, PageNumber);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.Skip((page - 1) * 100).Take(100)).ToListAsync(ct);
        Result = new Page<AuditRow>(rows, total, page, 100);
        // Scoped like the entries: a guessed id must not reveal whose it is.
        if (PersonId is { } personId)
            PersonName = await (await currentUser.ScopeAsync(ct)).Persons(db.Persons.AsNoTracking()).Where(p => p.Id == personId).Select(p => p.LastName + " " + p.FirstName + " " + (p.MiddleName ?? "")).FirstOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var query = await QueryAsync(ct);
        if (query is null) return Forbid();
        var rows = await Project(query.Take(100_000)).ToListAsync(ct);
        XlsxColumn<AuditRow>[] columns =
        [
            new("Когда", 18, r => Infrastructure.Web.Format.Date(r.At)),
            new("Кто", 20, r => r.UserName),
            new("Педагог", 32, r => r.PersonName),
            new("Что", 36, r => Describe(r.What)),
            new("Было", 30, r => r.OldValue),
            new("Стало", 30, r => r.NewValue),
        ];
        return File(Xlsx.Write("Журнал изменений", columns, rows), Xlsx.ContentType, $"журнал_изменений_{clock.GetLocalNow():yyyy-MM-dd}.xlsx");
    }
}
