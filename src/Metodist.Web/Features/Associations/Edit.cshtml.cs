using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>The fields of the association form, as typed.</summary>
public sealed class AssociationInput
{
    public string? Name { get; set; }
    public AssociationLevel Level { get; set; } = AssociationLevel.Municipal;
    public AssociationKind Kind { get; set; }
    public string? Subject { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? BaseOrganizationId { get; set; }
    public string? Leader { get; set; }
    public string? LeaderTitle { get; set; }
    public string? LeaderOrderNumber { get; set; }
    public DateOnly? LeaderOrderDate { get; set; }
    public string? Description { get; set; }
    public string? ReportDates { get; set; } = "20.12, 20.05";

    public static AssociationInput From(Association a) => new()
    {
        Name = a.Name, Level = a.Level, Kind = a.Kind, Subject = a.Subject, MunicipalityId = a.MunicipalityId, OrganizationId = a.OrganizationId,
        BaseOrganizationId = a.BaseOrganizationId, Leader = a.Leader?.FullName, LeaderTitle = a.LeaderTitle, LeaderOrderNumber = a.LeaderOrderNumber,
        LeaderOrderDate = a.LeaderOrderDate, Description = a.Description, ReportDates = a.ReportDates,
    };
}

/// <summary>Creates (no id) or edits an association: level and place are fixed once it exists; the leader is found by name on its territory.</summary>
public sealed class EditModel(AppDbContext db, AssociationService associations, AssociationPeople people) : PageModel
{
    [BindProperty(SupportsGet = true)] public AssociationInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public IReadOnlyList<(string Municipality, IReadOnlyList<Option> Organizations)> Organizations { get; private set; } = [];
    public IReadOnlyList<string> Subjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? municipalityId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var a = await associations.FindAsync(existing, ct);
            if (a is null || !await associations.CanManageAsync(a, ct)) return NotFound();
            Input = AssociationInput.From(a);
            Id = id;
        }
        else
        {
            var scope = await associations.ScopeAsync(ct);
            if (!scope.IsMethodist) return Forbid();
            Input.MunicipalityId ??= municipalityId ?? (scope.MunicipalityIds.Length == 1 ? scope.MunicipalityIds[0] : null);
            if (!scope.IsRegionAdmin && scope.MunicipalityIds.Length == 0 && scope.OrganizationIds.Length > 0 && Input.OrganizationId is null)
            {
                Input.Level = AssociationLevel.School;
                Input.OrganizationId = scope.OrganizationIds[0];
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Association? a = null;
        if (id is { } existing)
        {
            a = await associations.FindAsync(existing, ct);
            if (a is null || !await associations.CanManageAsync(a, ct)) return NotFound();
            Id = id;
        }
        await LoadChoicesAsync(ct);
        var level = a?.Level ?? Input.Level;
        var organization = Input.OrganizationId is { } o ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == o, ct) : null;
        var municipalityId = a?.MunicipalityId ?? Input.MunicipalityId ?? organization?.MunicipalityId;
        var regionId = a?.RegionId
            ?? (municipalityId is { } m ? await db.Municipalities.Where(x => x.Id == m).Select(x => x.RegionId).FirstOrDefaultAsync(ct) : Guid.Empty);
        if (regionId == Guid.Empty) regionId = (await associations.ScopeAsync(ct)).RegionIds.FirstOrDefault();
        var (leader, leaderError) = await people.ResolveAsync(Input.Leader, regionId, municipalityId, a?.OrganizationId ?? organization?.Id, level, ct);
        if (leaderError is not null)
        {
            Error = leaderError;
            return Page();
        }
        var input = new NewAssociation(Input.Name, level, Input.Kind, Input.Subject, a is null ? Input.MunicipalityId : a.MunicipalityId,
            a is null ? Input.OrganizationId : a.OrganizationId, leader?.Id, Input.BaseOrganizationId, Input.LeaderTitle, Input.LeaderOrderNumber,
            Input.LeaderOrderDate, Input.Description, Input.ReportDates);
        Op op;
        if (a is null)
        {
            (op, a) = await associations.CreateAsync(input, ct);
        }
        else
        {
            op = await associations.UpdateAsync(a, input, ct);
        }
        if (!op.Succeeded)
        {
            Error = op.Message;
            return Page();
        }
        TempData["Message"] = id is null ? "Объединение создано. Добавьте участников и составьте план работы." : "Изменения сохранены.";
        return Redirect($"/Associations/{a!.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var scope = await associations.ScopeAsync(ct);
        var municipalities = db.Municipalities.AsNoTracking();
        if (!scope.SeesEveryone)
        {
            var regions = scope.RegionIds;
            var own = scope.MunicipalityIds;
            var orgMunicipalities = await db.Organizations.Where(o => scope.OrganizationIds.Contains(o.Id)).Select(o => o.MunicipalityId).ToListAsync(ct);
            municipalities = municipalities.Where(m => regions.Contains(m.RegionId) || own.Contains(m.Id) || orgMunicipalities.Contains(m.Id));
        }
        Municipalities = (await municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new Option(m.Id.ToString(), m.Name)).ToList();
        var ids = Municipalities.Select(m => Guid.Parse(m.Value)).ToList();
        var orgs = db.Organizations.AsNoTracking().Where(o => ids.Contains(o.MunicipalityId));
        if (Input.MunicipalityId is { } chosen) orgs = orgs.Where(o => o.MunicipalityId == chosen);
        else if (!scope.IsRegionAdmin && scope.MunicipalityIds.Length == 0) orgs = orgs.Where(o => scope.OrganizationIds.Contains(o.Id));
        var rows = await orgs.OrderBy(o => o.Municipality!.Name).ThenBy(o => o.ShortName).Take(1500)
            .Select(o => new { Municipality = o.Municipality!.Name, o.Id, o.ShortName }).ToListAsync(ct);
        Organizations = rows.GroupBy(r => r.Municipality)
            .Select(g => (g.Key, (IReadOnlyList<Option>)g.Select(r => new Option(r.Id.ToString(), r.ShortName)).ToList())).ToList();
        Subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
    }
}
