using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, TeacherList list) : TeacherQueryModel(db, currentUser)
{
    public Page<TeacherRow> Result { get; private set; } = new([], 0, 1, 50);
    public DateOnly Today => list.Today;
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await CurrentUser.ScopeAsync(ct);
        CanCreate = scope.CanEditRegistry;
        await LoadOptionsAsync(scope, ct);
        Result = await list.PageAsync(scope, Filter, ct);
    }
}
