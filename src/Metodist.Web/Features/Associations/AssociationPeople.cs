using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>A person of the registry as an association's pages offer them: the name, position and school, nothing private.</summary>
public sealed record Candidate(Guid Id, string FullName, string? Position, string? Organization);

/// <summary>
/// Finds teachers by name among those who work on an association's territory (its school, municipality or region), so
/// that its leader can add members and responsible people without seeing anyone's private card.
/// </summary>
public sealed class AssociationPeople(AppDbContext db)
{
    public async Task<IReadOnlyList<Candidate>> FindAsync(string? text, Guid regionId, Guid? municipalityId, Guid? organizationId, AssociationLevel level,
        int take = 20, CancellationToken ct = default)
    {
        var key = SearchText.Normalize(text);
        if (key.Length < 2) return [];
        var people = db.Persons.AsNoTracking().Where(p => p.SearchName.StartsWith(key));
        people = level switch
        {
            AssociationLevel.School when organizationId is { } o => people.Where(p => p.Employments.Any(e => e.OrganizationId == o)),
            AssociationLevel.Municipal when municipalityId is { } m => people.Where(p => p.Employments.Any(e => e.MunicipalityId == m)),
            _ => people.Where(p => p.Employments.Any(e => e.Organization!.Municipality!.RegionId == regionId)),
        };
        var rows = await people.OrderBy(p => p.SearchName).ThenBy(p => p.Id).Take(take)
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.MiddleName,
                Job = p.Employments.OrderByDescending(e => e.IsMain).Select(e => new { Position = e.Position!.Name, Organization = e.Organization!.ShortName }).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(p => new Candidate(p.Id, string.IsNullOrEmpty(p.MiddleName) ? $"{p.LastName} {p.FirstName}" : $"{p.LastName} {p.FirstName} {p.MiddleName}",
            p.Job?.Position, p.Job?.Organization)).ToList();
    }

    public Task<IReadOnlyList<Candidate>> FindAsync(string? text, Association a, int take = 20, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        return FindAsync(text, a.RegionId, a.MunicipalityId, a.OrganizationId, a.Level, take, ct);
    }

    /// <summary>The one person the text names (a full name, or a surname no one else on the territory has), or why not.</summary>
    public async Task<(Candidate? Person, string? Error)> ResolveAsync(string? text, Guid regionId, Guid? municipalityId, Guid? organizationId,
        AssociationLevel level, CancellationToken ct = default)
    {
        var key = SearchText.Normalize(text);
        if (key.Length == 0) return (null, null);
        var found = await FindAsync(text, regionId, municipalityId, organizationId, level, 50, ct);
        var exact = found.Where(c => SearchText.Normalize(c.FullName) == key).ToList();
        if (exact.Count == 1) return (exact[0], null);
        if (found.Count == 1) return (found[0], null);
        return found.Count == 0
            ? (null, $"Педагог «{text!.Trim()}» не найден среди работающих на территории объединения.")
            : (null, $"Найдено несколько педагогов «{text!.Trim()}»: впишите фамилию, имя и отчество полностью.");
    }
}
