using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class EditModel(AppDbContext db, CurrentUser currentUser, TeacherEditor editor) : TeacherFormPage(db, currentUser, editor)
{
    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";

    private async Task<Person?> FindAsync(Guid id, UserScope scope, CancellationToken ct) =>
        await scope.Persons(Db.Persons).Include(p => p.Employments).ThenInclude(e => e.Subjects).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await CurrentUser.ScopeAsync(ct);
        var person = await FindAsync(id, scope, ct);
        if (person is null) return NotFound();
        if (!scope.CanEditRegistry) return Forbid();
        Id = id;
        FullName = person.FullName;
        Input = TeacherForm.From(person);
        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var scope = await CurrentUser.ScopeAsync(ct);
        var person = await FindAsync(id, scope, ct);
        if (person is null) return NotFound();
        if (!scope.CanEditRegistry) return Forbid();
        Id = id;
        FullName = person.FullName;
        // Places of work in organizations outside the editor's scope are kept as they are.
        var foreign = person.Employments.Where(e => !scope.CoversOrganization(e.OrganizationId, e.MunicipalityId)).Select(e => e.Id).ToHashSet();
        Input.Employments.RemoveAll(e => e.Id is { } eid && foreign.Contains(eid));
        if (!await ValidateAsync(id, scope, ct))
        {
            await LoadChoicesAsync(scope, ct);
            return Page();
        }
        await Editor.ApplyAsync(person, Input, ct);
        await Db.SaveChangesAsync(ct);
        TempData["Message"] = "Изменения сохранены.";
        return Redirect($"/Registry/Teachers/Details/{id}");
    }
}
