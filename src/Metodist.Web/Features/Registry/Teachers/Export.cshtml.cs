using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class ExportModel(AppDbContext db, CurrentUser currentUser, TeacherList list) : TeacherQueryModel(db, currentUser)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await list.AllAsync(await CurrentUser.ScopeAsync(ct), Filter, ct);
        return File(TeacherExport.Build(rows, list.Today), Xlsx.ContentType, TeacherExport.FileName(list.Today));
    }
}
