using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Organizations;

/// <summary>Create and edit of an organization: region administrators anywhere in their region, municipal methodists in their municipality.</summary>
public sealed class OrganizationFormPage(AppDbContext db, CurrentUser currentUser) : PageModel
{
    [BindProperty] public OrganizationForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var m) ? m : null;

    private static bool CanManage(UserScope scope) => scope.IsRegionAdmin || scope.Has(Accounts.AppRole.MunicipalMethodist);

    private async Task LoadAsync(UserScope scope, CancellationToken ct) =>
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => scope.MunicipalityIds.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new Option(m.Id, m.Name)).ToListAsync(ct);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!CanManage(scope)) return Forbid();
        if (id is { } existingId)
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == existingId && scope.MunicipalityIds.Contains(o.MunicipalityId), ct);
            if (org is null) return NotFound();
            Input = OrganizationForm.From(org);
            Id = existingId;
        }
        else if (scope.MunicipalityIds.Length == 1)
        {
            Input.MunicipalityId = scope.MunicipalityIds[0];
        }
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!CanManage(scope)) return Forbid();
        Organization? org = null;
        if (id is { } existingId)
        {
            org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == existingId && scope.MunicipalityIds.Contains(o.MunicipalityId), ct);
            if (org is null) return NotFound();
            Id = existingId;
        }
        Errors = await Input.ValidateAsync(db, scope, id, ct);
        if (Errors.Count > 0)
        {
            await LoadAsync(scope, ct);
            return Page();
        }
        if (org is null)
        {
            org = new Organization();
            db.Organizations.Add(org);
        }
        var movedMunicipality = org.MunicipalityId != Input.MunicipalityId;
        Input.ApplyTo(org);
        if (movedMunicipality && id is not null)
        {
            // Employments carry the municipality for fast scope checks; keep them in step.
            await db.Employments.Where(e => e.OrganizationId == org.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.MunicipalityId, org.MunicipalityId), ct);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = id is null ? "Организация добавлена." : "Изменения сохранены.";
        return Redirect($"/Registry/Organizations/Details/{org.Id}");
    }
}
