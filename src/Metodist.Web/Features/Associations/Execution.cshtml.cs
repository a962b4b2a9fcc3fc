using System.Globalization;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>How one association's plan of the year stands: counts of items by where they stand today.</summary>
public sealed record ExecutionRow(
    Guid AssociationId, string Association, AssociationLevel Level, string? Municipality, Guid? PlanId, PlanStatus? Status,
    int Items, int Done, int Moved, int NotDone, int Late, int Open, int Protocols, ReportStatus? LastReport)
{
    public int Percent => Items == 0 ? 0 : (int)Math.Round(100.0 * Done / Items);
}

/// <summary>The municipal service's view of every association's plan execution side by side, for one academic year.</summary>
public sealed class ExecutionModel(AppDbContext db, AssociationService associations) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public AssociationLevel? Level { get; set; }

    public IReadOnlyList<ExecutionRow> Rows { get; private set; } = [];
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public IReadOnlyList<string> Years { get; private set; } = [];
    public AcademicYear AcademicYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await associations.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await associations.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        await LoadAsync(ct);
        var bytes = Xlsx.Write("Исполнение планов",
        [
            new XlsxColumn<ExecutionRow>("Объединение", 60, r => r.Association),
            new("Уровень", 18, r => r.Level.Title()),
            new("Муниципалитет", 24, r => r.Municipality),
            new("План", 16, r => r.Status?.Title() ?? "нет плана"),
            new("Пунктов", 10, r => r.Items),
            new("Выполнено", 10, r => r.Done),
            new("Перенесено", 10, r => r.Moved),
            new("Не выполнено", 10, r => r.NotDone),
            new("Просрочено", 10, r => r.Late),
            new("Впереди", 10, r => r.Open),
            new("Выполнено, %", 10, r => r.Percent),
            new("Протоколов", 10, r => r.Protocols),
            new("Последний отчёт", 14, r => r.LastReport switch { ReportStatus.Submitted => "сдан", ReportStatus.Draft => "черновик", _ => "нет" }),
        ], Rows);
        return File(bytes, Xlsx.ContentType, $"Исполнение планов {AcademicYear}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await associations.ScopeAsync(ct);
        AcademicYear = Associations.AcademicYear.Parse(Year) ?? Associations.AcademicYear.Of(associations.Today);
        Year = AcademicYear.ToString();
        var visible = (await associations.VisibleAsync(ct)).AsNoTracking().Where(a => !a.IsArchived);
        var municipalityIds = await visible.Where(a => a.MunicipalityId != null).Select(a => a.MunicipalityId!.Value).Distinct().ToListAsync(ct);
        Municipalities = (await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new Option(m.Id.ToString(), m.Name)).ToList();
        MunicipalityId ??= scope.MunicipalityIds.Length == 1 ? scope.MunicipalityIds[0] : null;
        if (MunicipalityId is { } mid) visible = visible.Where(a => a.MunicipalityId == mid);
        if (Level is { } level) visible = visible.Where(a => a.Level == level);
        var list = await visible.OrderBy(a => a.Level).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.Level, Municipality = a.Municipality!.Name }).Take(1000).ToListAsync(ct);
        var ids = list.Select(a => a.Id).ToList();
        var year = AcademicYear.ToString();
        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Items)
            .Where(p => p.AssociationId != null && ids.Contains(p.AssociationId.Value) && p.AcademicYear == year)
            .AsSplitQuery().ToListAsync(ct);
        var held = await associations.HeldEventsAsync(plans.SelectMany(p => p.Items).Select(i => i.Id).ToList(), ct);
        var (start, end) = (AcademicYear.Start, AcademicYear.End);
        var protocols = await db.Protocols.AsNoTracking().Where(p => ids.Contains(p.AssociationId) && p.Date >= start && p.Date <= end)
            .GroupBy(p => p.AssociationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var reports = (await db.AssociationReports.AsNoTracking().Where(r => ids.Contains(r.AssociationId) && r.PeriodEnd >= start && r.PeriodStart <= end)
                .Select(r => new { r.AssociationId, r.PeriodEnd, r.Status }).ToListAsync(ct))
            .GroupBy(r => r.AssociationId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PeriodEnd).First().Status);
        var today = associations.Today;
        Rows = list.Select(a =>
        {
            // The work plan of the year, or the road map of an association that works by one.
            var plan = plans.Where(p => p.AssociationId == a.Id).OrderBy(p => p.Kind).FirstOrDefault();
            var progress = plan?.Items.Select(i => PlanRules.Progress(AssociationService.Timing(i), i.Outcome, held.GetValueOrDefault(i.Id) ?? [], AcademicYear, start, end, today)).ToList() ?? [];
            return new ExecutionRow(a.Id, a.Name, a.Level, a.Municipality, plan?.Id, plan?.Status, progress.Count,
                progress.Count(x => x == ItemProgress.Done), progress.Count(x => x == ItemProgress.Moved), progress.Count(x => x == ItemProgress.NotDone),
                progress.Count(x => x == ItemProgress.Late), progress.Count(x => x is ItemProgress.Ahead or ItemProgress.Due),
                protocols.GetValueOrDefault(a.Id), reports.TryGetValue(a.Id, out var r) ? r : null);
        }).ToList();
        var first = AcademicYear.Of(today).FirstYear;
        Years = Enumerable.Range(first - 3, 5).Reverse().Select(y => new AcademicYear(y).ToString()).ToList();
    }

    public string ExportLink => "/Associations/Execution?handler=Export"
        + (MunicipalityId is { } m ? "&municipalityId=" + m : "") + "&year=" + Year + (Level is { } l ? "&level=" + l : "");

    public static string Percent(int value) => value.ToString(CultureInfo.InvariantCulture) + " %";
}
