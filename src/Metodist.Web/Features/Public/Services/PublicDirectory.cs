using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Events;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Public.Services;

/// <summary>An association as the public site shows it: names and positions of its leader only, no one's contacts.</summary>
public sealed record PublicAssociation(
    Guid Id, string Name, AssociationLevel Level, AssociationKind Kind, string Subject, string? Municipality, string? School, string? BaseOrganization,
    string? Leader, string? LeaderPosition, int Members);

public sealed record PublicEvent(Guid Id, string Title, EventKind Kind, DateTime Start, string? Venue, string? Organizer);

/// <summary>What the public site reads: only published plans, programmes and events; people by name and position only.</summary>
public sealed class PublicDirectory(AppDbContext db, EventService events)
{
    public DateTime Local(DateTime utc) => events.LocalTime(utc);

    private static IQueryable<PublicAssociation> Project(IQueryable<Association> query) => query
        .OrderBy(a => a.Level).ThenBy(a => a.Organization!.ShortName).ThenBy(a => a.Name).ThenBy(a => a.Id)
        .Select(a => new PublicAssociation(a.Id, a.Name, a.Level, a.Kind, a.Subject, a.Municipality!.Name, a.Organization!.ShortName, a.BaseOrganization!.ShortName,
            a.Leader == null ? a.LeaderTitle : a.Leader.LastName + " " + a.Leader.FirstName + (a.Leader.MiddleName == null ? "" : " " + a.Leader.MiddleName),
            a.Members.Where(m => m.PersonId == a.LeaderPersonId && m.Status == MemberStatus.Active).Select(m => m.Position).FirstOrDefault(),
            a.Members.Count(m => m.Status == MemberStatus.Active)));

    /// <summary>The municipalities with their service and the number of associations, by district.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string? District, string? Service, int Associations)>> ServicesAsync(CancellationToken ct = default)
    {
        var rows = await db.Municipalities.AsNoTracking().OrderBy(m => m.District!.Name).ThenBy(m => m.Name)
            .Select(m => new
            {
                m.Id, m.Name, District = m.District!.Name,
                Service = db.Organizations.Where(o => o.MunicipalityId == m.Id && o.Kind == OrganizationKind.MunicipalService).Select(o => o.ShortName).FirstOrDefault(),
                Count = db.Associations.Count(a => a.MunicipalityId == m.Id && !a.IsArchived),
            }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name, (string?)r.District, r.Service, r.Count)).ToList();
    }

    public async Task<Municipality?> MunicipalityAsync(Guid id, CancellationToken ct = default) =>
        await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    public async Task<Organization?> ServiceAsync(Guid municipalityId, CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.MunicipalityId == municipalityId && o.Kind == OrganizationKind.MunicipalService, ct);

    public async Task<IReadOnlyList<PublicAssociation>> AssociationsAsync(Guid municipalityId, CancellationToken ct = default)
    {
        var region = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.RegionId).FirstOrDefaultAsync(ct);
        return await Project(db.Associations.AsNoTracking().Where(a => !a.IsArchived
            && (a.MunicipalityId == municipalityId || (a.Level == AssociationLevel.Regional && a.RegionId == region)))).ToListAsync(ct);
    }

    public async Task<PublicAssociation?> AssociationAsync(Guid id, CancellationToken ct = default) =>
        await Project(db.Associations.AsNoTracking().Where(a => a.Id == id && !a.IsArchived)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<WorkPlan>> PublishedPlansAsync(Guid associationId, CancellationToken ct = default) =>
        await db.WorkPlans.AsNoTracking().Include(p => p.Items).ThenInclude(i => i.VenueOrganization)
            .Where(p => p.AssociationId == associationId && p.Status == PlanStatus.Published)
            .OrderByDescending(p => p.AcademicYear).ThenBy(p => p.Kind).AsSplitQuery().ToListAsync(ct);

    public async Task<WorkPlan?> PublishedPlanAsync(Guid id, CancellationToken ct = default) =>
        await db.WorkPlans.AsNoTracking().Include(p => p.Items).Include(p => p.Association)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id && p.Status == PlanStatus.Published, ct);

    public async Task<Programme?> PublishedProgrammeAsync(Guid? associationId, Guid? municipalityId, CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking().Include(p => p.Stages).Include(p => p.Sources).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.IsPublished && (associationId != null ? p.AssociationId == associationId : p.AssociationId == null && p.MunicipalityId == municipalityId), ct);

    public async Task<Programme?> PublishedProgrammeAsync(Guid id, CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking().Include(p => p.Stages).Include(p => p.Sources).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id && p.IsPublished, ct);

    /// <summary>Coming published events of a municipality or an association.</summary>
    public async Task<IReadOnlyList<PublicEvent>> ComingAsync(Guid? municipalityId, Guid? associationId, int take, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published && e.EndsAt >= now);
        if (municipalityId is { } m) query = query.Where(e => e.MunicipalityId == m);
        if (associationId is { } a) query = query.Where(e => e.AssociationId == a);
        var rows = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(take)
            .Select(e => new { e.Id, e.Title, e.Kind, e.StartsAt, Venue = e.VenueOrganization!.ShortName, Organizer = e.Association!.Name }).ToListAsync(ct);
        return rows.Select(e => new PublicEvent(e.Id, e.Title, e.Kind, events.LocalTime(e.StartsAt), e.Venue, e.Organizer)).ToList();
    }
}
