using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Admin.Users;

public sealed class CreateModel(AppDbContext db, CurrentUser currentUser, UserAccounts accounts, ScopeChoices choices) : PageModel
{
    [BindProperty] public string Login { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty] public AppRole Role { get; set; } = AppRole.Teacher;
    [BindProperty] public Guid? ScopeId { get; set; }
    [BindProperty] public string? AssociationId { get; set; }

    public string? PersonName { get; private set; }
    public ScopeChoices Choices => choices;
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        await choices.LoadAsync(scope, ct);
        if (PersonId is { } id)
            PersonName = await scope.Persons(db.Persons.AsNoTracking()).Where(p => p.Id == id)
                .Select(p => p.LastName + " " + p.FirstName + " " + (p.MiddleName ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await currentUser.ScopeAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var scopeId = Role.ScopeKindOf() switch
        {
            ScopeKind.Person => PersonId?.ToString() ?? "",
            ScopeKind.Association => AssociationId?.Trim() ?? "",
            _ => ScopeId?.ToString() ?? "",
        };
        if (Role.ScopeKindOf() == ScopeKind.Person && PersonId is null)
        {
            Errors["roles[0]"] = ["Для этой роли выберите педагога: откройте его карточку и нажмите «Выдать доступ»."];
            await LoadAsync(scope, ct);
            return Page();
        }
        var result = await accounts.CreateAsync(scope, new CreateUserRequest(Login, Password, PersonId, [new RoleRequest(Role.ToString(), scopeId)]));
        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            await LoadAsync(scope, ct);
            return Page();
        }
        TempData["Message"] = $"Учётная запись «{result.User!.UserName}» создана.";
        return Redirect($"/Admin/Users/Details/{result.User.Id}");
    }
}
