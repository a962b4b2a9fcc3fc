using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class CreateModel(AppDbContext db, CurrentUser currentUser, TeacherEditor editor) : TeacherFormPage(db, currentUser, editor)
{
    [BindProperty(SupportsGet = true)]
    public Guid? OrganizationId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await CurrentUser.ScopeAsync(ct);
        if (!scope.CanEditRegistry) return Forbid();
        Input.Employments.Add(new EmploymentForm { IsMain = true, OrganizationId = OrganizationId });
        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await CurrentUser.ScopeAsync(ct);
        if (!scope.CanEditRegistry) return Forbid();
        if (!await ValidateAsync(null, scope, ct))
        {
            await LoadChoicesAsync(scope, ct);
            return Page();
        }
        var person = new Person();
        await Editor.ApplyAsync(person, Input, ct);
        Db.Persons.Add(person);
        await Db.SaveChangesAsync(ct);
        TempData["Message"] = $"Педагог {person.FullName} добавлен в реестр.";
        return Redirect($"/Registry/Teachers/Details/{person.Id}");
    }
}
