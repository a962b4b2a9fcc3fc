using System.Globalization;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

/// <summary>The plan-application for courses of an organization or a municipality for a period, on the page and in XLSX (handler «Export»).</summary>
public sealed class PlanModel(AppDbContext db, CurrentUser currentUser, CoursePlans plans, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public IReadOnlyList<Option> Organizations { get; private set; } = [];
    public PlanReport? Plan { get; private set; }
    public string? Error { get; private set; }

    public DateOnly PeriodFrom => From ?? new DateOnly(Today.Year, 1, 1);
    public DateOnly PeriodTo => To ?? new DateOnly(Today.Year, 12, 31);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public string ExportLink
    {
        get
        {
            var q = new QueryBuilder { { "handler", "Export" } };
            if (OrganizationId is { } organizationId) q.Add("organizationId", organizationId.ToString());
            if (MunicipalityId is { } municipalityId) q.Add("municipalityId", municipalityId.ToString());
            q.Add("from", PeriodFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            q.Add("to", PeriodTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return "/Courses/Plan" + q.ToQueryString();
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await BuildAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var refused = await BuildAsync(ct);
        if (refused is not null) return refused;
        if (Plan is null) return Page();
        return File(CourseExports.Plan(Plan), Xlsx.ContentType, CourseExports.PlanFileName(Plan));
    }

    /// <summary>Loads the choices and, when a unit is chosen and the period is right, the plan; a result only when the user may not plan at all.</summary>
    private async Task<IActionResult?> BuildAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => scope.MunicipalityIds.Contains(m.Id))
            .OrderBy(m => m.Name).Select(m => new Option(m.Id, m.Name)).ToListAsync(ct);
        var organizations = db.Organizations.AsNoTracking().Where(o => scope.MunicipalityIds.Contains(o.MunicipalityId) || scope.OrganizationIds.Contains(o.Id));
        if (MunicipalityId is { } municipalityId) organizations = organizations.Where(o => o.MunicipalityId == municipalityId);
        // A region has hundreds of organizations: they are offered once a municipality narrows them down.
        Organizations = MunicipalityId is null && Municipalities.Count > 1
            ? []
            : await organizations.OrderBy(o => o.ShortName).Select(o => new Option(o.Id, o.ShortName)).ToListAsync(ct);

        if (OrganizationId is null && MunicipalityId is null) return null;
        if (PeriodTo < PeriodFrom)
        {
            Error = "Дата окончания периода раньше даты начала.";
            return null;
        }
        Plan = await plans.BuildAsync(scope, new PlanRequest(OrganizationId, MunicipalityId, PeriodFrom, PeriodTo), ct);
        if (Plan is null) Error = "Организация или муниципалитет не найдены в вашей области видимости.";
        return null;
    }
}
