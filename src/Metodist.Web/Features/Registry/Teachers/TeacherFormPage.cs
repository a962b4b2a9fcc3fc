using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Teachers;

/// <summary>The create and edit pages of a teacher share the form, its choices and its validation.</summary>
public abstract class TeacherFormPage(AppDbContext db, CurrentUser currentUser, TeacherEditor editor) : PageModel
{
    protected AppDbContext Db { get; } = db;
    protected CurrentUser CurrentUser { get; } = currentUser;
    protected TeacherEditor Editor { get; } = editor;

    [BindProperty]
    public TeacherForm Input { get; set; } = new();

    public Dictionary<string, string> Errors { get; private set; } = [];
    public IReadOnlyList<Option> Organizations { get; private set; } = [];
    public IReadOnlyList<Option> Positions { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    protected async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        Organizations = await Db.Organizations.AsNoTracking()
            .Where(o => scope.MunicipalityIds.Contains(o.MunicipalityId) || scope.OrganizationIds.Contains(o.Id))
            .OrderBy(o => o.Municipality!.Name).ThenBy(o => o.ShortName)
            .Select(o => new Option(o.Id, o.Municipality!.Name + " — " + o.ShortName)).ToListAsync(ct);
        Positions = await Db.Positions.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        Subjects = await Db.Subjects.AsNoTracking().OrderBy(p => p.Name).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        // Room for one more place of work on every form.
        if (Input.Employments.All(e => e.Id != null)) Input.Employments.Add(new EmploymentForm { IsMain = Input.Employments.Count == 0 });
    }

    protected async Task<bool> ValidateAsync(Guid? personId, UserScope scope, CancellationToken ct)
    {
        Errors = await Editor.ValidateAsync(Input, personId, scope, ct);
        return Errors.Count == 0;
    }
}
