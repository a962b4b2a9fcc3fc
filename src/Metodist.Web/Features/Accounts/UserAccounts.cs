using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Accounts;

public sealed record CreateUserResult(AppUser? User, Dictionary<string, string[]> Errors);

/// <summary>Creates accounts and binds roles to scopes; checks that every scope exists and lies inside the administrator's region.</summary>
public sealed class UserAccounts(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<CreateUserResult> CreateAsync(UserScope admin, CreateUserRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string key, string message) =>
            errors[key] = errors.TryGetValue(key, out var list) ? [.. list, message] : [message];

        var login = request.Login?.Trim() ?? "";
        if (login.Length == 0) Add("login", "Укажите логин.");
        if (string.IsNullOrEmpty(request.Password)) Add("password", "Укажите пароль.");
        string displayName = request.DisplayName?.Trim() ?? "";
        if (request.PersonId is { } personId)
        {
            // Only a person inside the administrator's scope: the account would otherwise open that person's card to its holder.
            var person = await admin.Persons(db.Persons.AsNoTracking()).Where(p => p.Id == personId).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).FirstOrDefaultAsync();
            if (person is null) Add("personId", "Педагог с таким идентификатором не найден.");
            else if (displayName.Length == 0) displayName = $"{person.LastName} {person.FirstName} {person.MiddleName}".Trim();
        }
        if (displayName.Length == 0) displayName = login;

        var roles = new List<RoleAssignment>();
        var index = 0;
        foreach (var role in request.Roles ?? [])
        {
            var key = $"roles[{index++}]";
            if (!TryParseRole(role.Role, out var appRole))
            {
                Add(key, $"Неизвестная роль «{role.Role}». Допустимы: {string.Join(", ", Enum.GetNames<AppRole>())}.");
                continue;
            }
            if (!Guid.TryParse(role.ScopeId, out var scopeId))
            {
                Add(key, "Область роли (scopeId) должна быть идентификатором региона, муниципалитета, организации, объединения или педагога.");
                continue;
            }
            var problem = await CheckScopeAsync(admin, appRole, scopeId);
            if (problem is not null) Add(key, problem);
            else roles.Add(new RoleAssignment { Role = appRole, ScopeId = scopeId });
        }
        if (errors.Count > 0) return new CreateUserResult(null, errors);

        var user = new AppUser { UserName = login, DisplayName = displayName, PersonId = request.PersonId, Roles = roles };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "login", error.Description);
            return new CreateUserResult(null, errors);
        }
        return new CreateUserResult(user, errors);
    }

    /// <summary>
    /// Accounts an administrator may see and manage: those whose person or any role lies inside the
    /// administrator's regions, and accounts with neither (just created elsewhere by the system).
    /// </summary>
    public IQueryable<AppUser> Visible(UserScope admin)
    {
        if (admin.SeesEveryone) return db.Users;
        var regions = admin.RegionIds;
        var municipalities = admin.MunicipalityIds;
        var organizations = db.Organizations.Where(o => municipalities.Contains(o.MunicipalityId)).Select(o => o.Id);
        var persons = admin.Persons(db.Persons).Select(p => p.Id);
        return db.Users.Where(u =>
            (u.PersonId != null && persons.Contains(u.PersonId.Value))
            || u.Roles.Any(r => regions.Contains(r.ScopeId) || municipalities.Contains(r.ScopeId) || organizations.Contains(r.ScopeId) || persons.Contains(r.ScopeId))
            || (u.PersonId == null && !u.Roles.Any()));
    }

    public sealed record RoleCheck(RoleAssignment? Assignment, string? Error);

    /// <summary>Checks one role request as <see cref="CreateAsync"/> does, for adding a role to an existing account.</summary>
    public async Task<RoleCheck> CheckRoleAsync(UserScope admin, RoleRequest role)
    {
        if (!TryParseRole(role.Role, out var appRole))
            return new RoleCheck(null, $"Неизвестная роль «{role.Role}».");
        if (!Guid.TryParse(role.ScopeId, out var scopeId))
            return new RoleCheck(null, "Выберите область роли.");
        var problem = await CheckScopeAsync(admin, appRole, scopeId);
        return problem is null ? new RoleCheck(new RoleAssignment { Role = appRole, ScopeId = scopeId }, null) : new RoleCheck(null, problem);
    }

    /// <summary>Only the exact role names: <c>Enum.TryParse</c> would also take "0" or "RegionAdmin, Teacher".</summary>
    private static bool TryParseRole(string? name, out AppRole role)
    {
        role = default;
        return name is not null && Enum.GetNames<AppRole>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out role);
    }

    private async Task<string?> CheckScopeAsync(UserScope admin, AppRole role, Guid scopeId)
    {
        switch (role.ScopeKindOf())
        {
            case ScopeKind.Region:
                return admin.RegionIds.Contains(scopeId) ? null : "Роль администратора можно выдать только в пределах вашего региона.";
            case ScopeKind.Municipality:
                return await db.Municipalities.AnyAsync(m => m.Id == scopeId && admin.RegionIds.Contains(m.RegionId))
                    ? null : "Муниципалитет не найден в вашем регионе.";
            case ScopeKind.Organization:
                return await db.Organizations.AnyAsync(o => o.Id == scopeId && admin.MunicipalityIds.Contains(o.MunicipalityId))
                    ? null : "Организация не найдена в вашем регионе.";
            case ScopeKind.Person:
                return await admin.Persons(db.Persons).AnyAsync(p => p.Id == scopeId)
                    ? null : "Педагог не найден в вашем регионе.";
            default:
                // Associations arrive with their own module; until then the id is kept as given.
                return scopeId == Guid.Empty ? "Укажите объединение." : null;
        }
    }
}
