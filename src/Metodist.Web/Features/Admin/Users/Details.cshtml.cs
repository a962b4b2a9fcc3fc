using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Admin.Users;

public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, UserManager<AppUser> users, UserAccounts accounts, ScopeChoices choices) : PageModel
{
    public AppUser AppUser { get; private set; } = null!;
    public Dictionary<Guid, string> ScopeNames { get; private set; } = [];
    public ScopeChoices Choices => choices;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool LockedOut { get; private set; }

    [BindProperty] public AppRole Role { get; set; } = AppRole.Teacher;
    [BindProperty] public Guid? ScopeId { get; set; }
    [BindProperty] public string? AssociationId { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await accounts.Visible(await currentUser.ScopeAsync(ct)).Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return false;
        AppUser = user;
        LockedOut = user.LockoutEnd > DateTimeOffset.UtcNow;
        ScopeNames = await choices.NamesAsync(user.Roles.Select(r => r.ScopeId), ct);
        await choices.LoadAsync(await currentUser.ScopeAsync(ct), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var scopeId = Role.ScopeKindOf() switch
        {
            ScopeKind.Person => AppUser.PersonId?.ToString() ?? "",
            ScopeKind.Association => AssociationId?.Trim() ?? "",
            _ => ScopeId?.ToString() ?? "",
        };
        var check = await accounts.CheckRoleAsync(await currentUser.ScopeAsync(ct), new RoleRequest(Role.ToString(), scopeId));
        if (check.Error is not null)
        {
            Errors = [Role.ScopeKindOf() == ScopeKind.Person && AppUser.PersonId is null ? "Учётная запись не связана с педагогом: эту роль выдать нельзя." : check.Error];
            return Page();
        }
        if (AppUser.Roles.Any(r => r.Role == check.Assignment!.Role && r.ScopeId == check.Assignment.ScopeId))
        {
            Errors = ["Такая роль уже выдана."];
            return Page();
        }
        AppUser.Roles.Add(check.Assignment!);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Роль добавлена.";
        return Redirect($"/Admin/Users/Details/{id}");
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, Guid roleId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var role = AppUser.Roles.FirstOrDefault(r => r.Id == roleId);
        if (role is not null)
        {
            AppUser.Roles.Remove(role);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = "Роль снята.";
        }
        return Redirect($"/Admin/Users/Details/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await users.SetLockoutEndDateAsync(AppUser, null);
        await users.ResetAccessFailedCountAsync(AppUser);
        TempData["Message"] = "Учётная запись разблокирована.";
        return Redirect($"/Admin/Users/Details/{id}");
    }

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var token = await users.GeneratePasswordResetTokenAsync(AppUser);
        var result = await users.ResetPasswordAsync(AppUser, token, NewPassword ?? "");
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Description).ToList();
            return Page();
        }
        TempData["Message"] = "Пароль изменён.";
        return Redirect($"/Admin/Users/Details/{id}");
    }
}
