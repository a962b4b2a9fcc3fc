using System.Security.Claims;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Auth;

/// <summary>
/// The signed-in user of this request, with roles and scope read from the database once per request
/// (nothing is kept between requests, so any app node can serve any request).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db)
{
    private const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    private UserScope? _scope;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal.Identity?.Name ?? "";

    public async Task<UserScope> ScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        if (UserId is not { } userId) return _scope = UserScope.Nobody;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.PersonId, u.DisplayName, u.SecurityStamp, u.LockoutEnd, Roles = u.Roles.Select(r => new { r.Role, r.ScopeId }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (user is null) return _scope = UserScope.Nobody;
        // A cookie or token issued before a password change, or held by a locked account, no longer counts
        // (cookies are otherwise re-checked only every 30 minutes, tokens never).
        if (Principal.FindFirstValue(SecurityStampClaim) != user.SecurityStamp || user.LockoutEnd > DateTimeOffset.UtcNow)
            return _scope = UserScope.Nobody;
        var roles = user.Roles.Select(r => (r.Role, r.ScopeId)).ToList();
        var regionIds = roles.Where(r => r.Role == AppRole.RegionAdmin).Select(r => r.ScopeId).Distinct().ToArray();
        var municipalityIds = roles.Where(r => r.Role == AppRole.MunicipalMethodist).Select(r => r.ScopeId).ToList();
        if (regionIds.Length > 0)
        {
            municipalityIds.AddRange(await db.Municipalities.Where(m => regionIds.Contains(m.RegionId)).Select(m => m.Id).ToListAsync(ct));
        }
        var organizationIds = roles.Where(r => r.Role == AppRole.SchoolMethodist).Select(r => r.ScopeId).Distinct().ToArray();
        var personIds = user.PersonId is { } personId ? new[] { personId } : [];
        // A tutor (regional methodist) sees the teachers whose routes they accompany and the teachers assigned to them;
        // a mentor sees the mentees of their running pairs.
        Guid[] tutored = [], mentored = [];
        if (user.PersonId is { } me)
        {
            tutored = await db.Routes.Where(r => r.TutorPersonId == me).Select(r => r.PersonId)
                .Union(db.AssetAssignments.Where(a => a.Methodist!.PersonId == me && a.Methodist.Status == AssetStatus.Active).Select(a => a.PersonId))
                .ToArrayAsync(ct);
            mentored = await db.MentoringMentees.Where(m => m.Pair!.MentorPersonId == me && m.Pair.Status == MentoringStatus.Active)
                .Select(m => m.PersonId).Distinct().ToArrayAsync(ct);
        }
        // An administrator of every region in the database sees everyone: the filter can be left out of
        // the query altogether, which keeps the region's teacher list fast at 100,000 people.
        var everyone = regionIds.Length > 0 && !await db.Regions.AnyAsync(r => !regionIds.Contains(r.Id), ct);
        return _scope = new UserScope(userId, user.DisplayName, user.PersonId, roles, regionIds, municipalityIds.Distinct().ToArray(), organizationIds, personIds)
        {
            SeesEveryone = everyone,
            TutoredPersonIds = tutored,
            MentoredPersonIds = mentored,
        };
    }
}

/// <summary>
/// What one user may see: region administrators their regions, municipal methodists their
/// municipalities, school methodists their organizations, everyone their own person.
/// Tutors see the teachers they accompany and mentors their mentees; association leaders see themselves until their module attaches members to them.
/// </summary>
public sealed record UserScope(
    Guid? UserId,
    string DisplayName,
    Guid? PersonId,
    IReadOnlyList<(AppRole Role, Guid ScopeId)> Roles,
    Guid[] RegionIds,
    Guid[] MunicipalityIds,
    Guid[] OrganizationIds,
    Guid[] PersonIds)
{
    public static readonly UserScope Nobody = new(null, "", null, [], [], [], [], []);

    /// <summary>True for an administrator of every region there is: no row needs filtering.</summary>
    public bool SeesEveryone { get; init; }

    /// <summary>The teachers whose routes this user accompanies as tutor, and those assigned to them as a regional methodist.</summary>
    public Guid[] TutoredPersonIds { get; init; } = [];

    /// <summary>The mentees of this user's running mentoring pairs: their registry card, not their diagnostic results.</summary>
    public Guid[] MentoredPersonIds { get; init; } = [];

    /// <summary>A region administrator or a methodist of a municipality or organization: staff who manage routes and campaigns.</summary>
    public bool IsMethodist => IsRegionAdmin || MunicipalityIds.Length > 0 || OrganizationIds.Length > 0;

    /// <summary>Staff of any kind (not only a teacher): may see aggregated, nameless statistics.</summary>
    public bool IsStaff => UserId is not null && Roles.Any(r => r.Role != AppRole.Teacher);

    public bool Has(AppRole role) => Roles.Any(r => r.Role == role);

    public bool IsRegionAdmin => RegionIds.Length > 0;

    /// <summary>May create and edit teachers and organizations (inside the scope).</summary>
    public bool CanEditRegistry => IsRegionAdmin || MunicipalityIds.Length > 0 || OrganizationIds.Length > 0;

    public bool CanImport => IsRegionAdmin || Has(AppRole.MunicipalMethodist);

    /// <summary>
    /// The people whose registry card (contacts, birth date, work) this user may open: <see cref="PrivatePersons"/> and,
    /// for a mentor, their mentees.
    /// </summary>
    public IQueryable<Person> Persons(IQueryable<Person> source) =>
        Visible(source, MentoredPersonIds);

    /// <summary>
    /// The people whose private records (diagnostic results, routes) this user may open: themselves, the teachers they
    /// tutor, and the teachers of the organizations, municipalities and regions they are methodists of. Association
    /// leaders and mentors get no one here by their role alone, whatever else they may come to see.
    /// </summary>
    public IQueryable<Person> PrivatePersons(IQueryable<Person> source) => Visible(source, []);

    private IQueryable<Person> Visible(IQueryable<Person> source, Guid[] extra)
    {
        if (UserId is null) return source.Where(_ => false);
        if (SeesEveryone) return source;
        var municipalities = MunicipalityIds;
        var organizations = OrganizationIds;
        var persons = PersonIds.Concat(TutoredPersonIds).Concat(extra).Distinct().ToArray();
        var regionAdmin = IsRegionAdmin;
        return source.Where(p =>
            persons.Contains(p.Id)
            || p.Employments.Any(e => municipalities.Contains(e.MunicipalityId) || organizations.Contains(e.OrganizationId))
            || (regionAdmin && !p.Employments.Any()));
    }

    public IQueryable<Organization> Organizations(IQueryable<Organization> source, IQueryable<Employment> employments)
    {
        if (UserId is null) return source.Where(_ => false);
        if (SeesEveryone) return source;
        var municipalities = MunicipalityIds;
        var organizations = OrganizationIds;
        var persons = PersonIds;
        return source.Where(o =>
            municipalities.Contains(o.MunicipalityId)
            || organizations.Contains(o.Id)
            || employments.Any(e => e.OrganizationId == o.Id && persons.Contains(e.PersonId)));
    }

    public bool CoversOrganization(Guid organizationId, Guid municipalityId) =>
        MunicipalityIds.Contains(municipalityId) || OrganizationIds.Contains(organizationId);

    public bool CoversMunicipality(Guid municipalityId) => MunicipalityIds.Contains(municipalityId);
}
