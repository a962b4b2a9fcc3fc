using System.Globalization;
using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>A plan item as the report shows it: where it stood at the end of the period and why.</summary>
public sealed record ReportItem(int Number, string Title, string Timing, ItemProgress Progress, string? Reason, IReadOnlyList<DateOnly> Held);

public sealed record ReportEvent(DateOnly Date, string Title, EventKind Kind, int Registered, int Attended);

public sealed record ReportProtocol(int Number, DateOnly Date, string Agenda, string? Decided, int Present, int Absent);

/// <summary>What the data say about a period: the plan against what was held, participants, protocols and materials.</summary>
public sealed record ReportBody(
    IReadOnlyList<ReportItem> Items, IReadOnlyList<ReportEvent> Events, int Participants, IReadOnlyList<(string Organization, int People)> Organizations,
    IReadOnlyList<ReportProtocol> Protocols, IReadOnlyList<string> Materials)
{
    public int Count(ItemProgress progress) => Items.Count(i => i.Progress == progress);
}

/// <summary>Reports of associations for the periods their report dates cut the year into: figures from the data, text from the leader.</summary>
public sealed class ReportService(AppDbContext db, AssociationService associations, TimeProvider clock)
{
    public const string NotFoundMessage = "Отчёт не найден или недоступен в вашей области видимости.";

    /// <summary>The periods of the academic year the association reports for, with whether a report exists.</summary>
    public async Task<IReadOnlyList<(DateOnly Start, DateOnly DueOn, Guid? ReportId)>> PeriodsAsync(Association a, AcademicYear year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var existing = await db.AssociationReports.AsNoTracking().Where(r => r.AssociationId == a.Id).Select(r => new { r.Id, r.PeriodEnd }).ToListAsync(ct);
        return PlanRules.ReportPeriods(year, a.ReportDates)
            .Select(p => (p.Start, p.DueOn, existing.FirstOrDefault(r => r.PeriodEnd == p.DueOn)?.Id)).ToList();
    }

    public static string TitleOf(AcademicYear year, int index, int count, DateOnly start, DateOnly end) => count == 2
        ? $"Отчёт за {(index == 0 ? "I" : "II")} полугодие {year} учебного года"
        : $"Отчёт за период {start.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} – {end.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    public async Task<(Op Op, AssociationReport? Report)> CreateAsync(Association a, AcademicYear year, DateOnly dueOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!await associations.CanManageAsync(a, ct)) return (Op.Forbidden("Отчёт готовит руководитель объединения."), null);
        var periods = PlanRules.ReportPeriods(year, a.ReportDates);
        var index = periods.ToList().FindIndex(p => p.DueOn == dueOn);
        if (index < 0) return (Op.Invalid($"Срок отчёта {dueOn:dd.MM.yyyy} не совпадает со сроками объединения (до {a.ReportDates})."), null);
        if (await db.AssociationReports.AnyAsync(r => r.AssociationId == a.Id && r.PeriodEnd == dueOn, ct))
            return (Op.Conflict("Отчёт за этот период уже начат."), null);
        var plan = await db.WorkPlans.AsNoTracking().Where(p => p.AssociationId == a.Id && p.AcademicYear == year.ToString()).OrderBy(p => p.Kind)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var (start, due) = periods[index];
        var report = new AssociationReport
        {
            AssociationId = a.Id, PlanId = plan, Title = TitleOf(year, index, periods.Count, start, due), PeriodStart = start, PeriodEnd = due, DueOn = due,
            Status = ReportStatus.Draft,
        };
        db.AssociationReports.Add(report);
        await db.SaveChangesAsync(ct);
        return (Op.Ok, report);
    }

    public async Task<AssociationReport?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var report = await db.AssociationReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        report.Association = await associations.FindAsync(report.AssociationId, ct);
        return report.Association is null ? null : report;
    }

    /// <summary>The figures of the period, computed from the records as they stand now.</summary>
    public async Task<ReportBody> BodyAsync(AssociationReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (start, end) = (report.PeriodStart, report.PeriodEnd);
        var zone = clock.LocalTimeZone;
        var items = new List<ReportItem>();
        if (report.PlanId is { } planId && await db.WorkPlans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == planId, ct) is { } plan)
        {
            var year = AcademicYear.Parse(plan.AcademicYear) ?? AcademicYear.Of(start);
            var held = await associations.HeldEventsAsync(plan.Items.Select(i => i.Id).ToList(), ct);
            var asOf = associations.Today < end ? associations.Today : end;
            foreach (var i in plan.Items.OrderBy(x => x.Number))
            {
                var timing = AssociationService.Timing(i);
                var days = (held.GetValueOrDefault(i.Id) ?? []).Where(d => d <= end).Order().ToList();
                var opens = PlanRules.Opens(timing, year, year.Start);
                // An item belongs to the period when its time opens in it, when it was held in it, or when it runs all year.
                if (opens > end && days.Count == 0) continue;
                if (PlanRules.Deadline(timing, year, year.End) < start && days.All(d => d < start)) continue;
                var progress = PlanRules.Progress(timing, i.Outcome, days, year, year.Start, year.End, asOf);
                items.Add(new ReportItem(i.Number, i.Title, PlanRules.TimingText(timing, year), progress, i.OutcomeReason, days));
            }
        }
        var from = TimeZoneInfo.ConvertTimeToUtc(start.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var now = DateTime.UtcNow;
        var events = await db.Events.AsNoTracking().Where(e => e.AssociationId == report.AssociationId && e.Status == EventStatus.Published
                && e.StartsAt >= from && e.StartsAt < to && e.StartsAt <= now)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.StartsAt, e.Title, e.Kind, Registered = e.Registrations.Count(r => r.Status == RegistrationStatus.Registered), Attended = e.Registrations.Count(r => r.Attended) })
            .ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToList();
        var people = await db.EventRegistrations.AsNoTracking().Where(r => eventIds.Contains(r.EventId) && r.Attended).Select(r => r.PersonId).Distinct().ToListAsync(ct);
        var organizations = (await db.Employments.AsNoTracking().Where(x => people.Contains(x.PersonId) && x.IsMain)
                .Select(x => new { x.PersonId, x.Organization!.ShortName }).ToListAsync(ct))
            .GroupBy(x => x.ShortName).Select(g => (g.Key, g.Select(x => x.PersonId).Distinct().Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        var protocols = await db.Protocols.AsNoTracking().Where(p => p.AssociationId == report.AssociationId && p.Date >= start && p.Date <= end)
            .OrderBy(p => p.Date).ThenBy(p => p.Number)
            .Select(p => new ReportProtocol(p.Number, p.Date, p.Agenda, p.Decided, p.Attendees.Count(x => x.Present), p.Attendees.Count(x => !x.Present)))
            .ToListAsync(ct);
        var materials = await db.EventMaterials.AsNoTracking().Where(m => eventIds.Contains(m.EventId)).OrderBy(m => m.AddedAt).Select(m => m.Title).ToListAsync(ct);
        return new ReportBody(items,
            events.Select(e => new ReportEvent(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.StartsAt, DateTimeKind.Utc), zone)), e.Title, e.Kind, e.Registered, e.Attended)).ToList(),
            people.Count, organizations, protocols, materials);
    }

    public async Task<Op> SaveTextAsync(AssociationReport report, string? summary, string? problems, string? proposals, bool submit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Association is not { } a || !await associations.CanManageAsync(a, ct)) return Op.Forbidden("Отчёт заполняет руководитель объединения.");
        if (report.Status == ReportStatus.Submitted) return Op.Conflict("Отчёт уже сдан: текст не изменить.");
        if ((summary?.Length ?? 0) > 8000 || (problems?.Length ?? 0) > 4000 || (proposals?.Length ?? 0) > 4000)
            return Op.Invalid("Текст слишком длинный: итоги — до 8000 знаков, проблемы и предложения — до 4000.");
        if (submit && string.IsNullOrWhiteSpace(summary)) return Op.Invalid("Перед сдачей опишите итоги работы за период.");
        report.Summary = Trim(summary);
        report.Problems = Trim(problems);
        report.Proposals = Trim(proposals);
        if (submit)
        {
            report.Status = ReportStatus.Submitted;
            report.SubmittedAt = DateTime.UtcNow;
            report.SubmittedBy = associations.UserName;
        }
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
