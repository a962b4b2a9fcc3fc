using Microsoft.AspNetCore.Identity;

namespace Metodist.Web.Features.Accounts;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.NewGuid();

    /// <summary>The registry person this account belongs to, when it belongs to one.</summary>
    public Guid? PersonId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public List<RoleAssignment> Roles { get; set; } = [];
}

/// <summary>The roles of DOMAIN.md; each assignment binds one to a scope.</summary>
public enum AppRole
{
    RegionAdmin,
    MunicipalMethodist,
    SchoolMethodist,
    AssociationLead,
    Tutor,
    Mentor,
    Teacher,
}

public enum ScopeKind
{
    Region,
    Municipality,
    Organization,
    Association,
    Person,
}

/// <summary>One role of one user, bound to the territory, organization, association or person it covers.</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public AppRole Role { get; set; }
    public Guid ScopeId { get; set; }
}

public static class AppRoles
{
    public static readonly IReadOnlyDictionary<AppRole, string> Titles = new Dictionary<AppRole, string>
    {
        [AppRole.RegionAdmin] = "Администратор региона (ЦНППМ)",
        [AppRole.MunicipalMethodist] = "Методист муниципальной методической службы",
        [AppRole.SchoolMethodist] = "Методист образовательной организации",
        [AppRole.AssociationLead] = "Руководитель методического объединения",
        [AppRole.Tutor] = "Региональный методист (тьютор)",
        [AppRole.Mentor] = "Наставник",
        [AppRole.Teacher] = "Педагог",
    };

    public static string Title(this AppRole role) => Titles[role];

    public static ScopeKind ScopeKindOf(this AppRole role) => role switch
    {
        AppRole.RegionAdmin => ScopeKind.Region,
        AppRole.MunicipalMethodist => ScopeKind.Municipality,
        AppRole.SchoolMethodist => ScopeKind.Organization,
        AppRole.AssociationLead => ScopeKind.Association,
        _ => ScopeKind.Person,
    };
}
