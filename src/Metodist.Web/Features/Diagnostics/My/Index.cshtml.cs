using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.My;

public sealed record OpenTest(Guid Id, string Title, int? TimeLimitMinutes, int Questions, Guid? OpenAttemptId);

/// <summary>The teacher's «Мои диагностики»: campaigns to take, tests open to everyone, own results with their history, and who looked.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, Campaigns campaigns, ResultAccess access) : PageModel
{
    public bool HasPerson { get; private set; }
    public IReadOnlyList<TeacherCampaign> Campaigns { get; private set; } = [];
    public List<OpenTest> Tests { get; private set; } = [];
    public List<DeficitProfile> History { get; private set; } = [];
    public List<ResultView> Views { get; private set; } = [];
    public DevelopmentRoute? Route { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (scope.PersonId is not { } me) return;
        HasPerson = true;
        Campaigns = await campaigns.ForTeacherAsync(me, ct);
        var open = await db.DiagnosticAttempts.AsNoTracking().Where(a => a.PersonId == me && a.FinishedAt == null)
            .Select(a => new { a.DiagnosticId, a.Id }).ToListAsync(ct);
        var tests = await db.Diagnostics.AsNoTracking().Where(d => d.IsPublished && d.Kind == DiagnosticKind.OnlineTest)
            .OrderBy(d => d.Title).Select(d => new { d.Id, d.Title, d.TimeLimitMinutes, Questions = d.Questions.Count }).ToListAsync(ct);
        Tests = tests.Select(t => new OpenTest(t.Id, t.Title, t.TimeLimitMinutes, t.Questions, open.FirstOrDefault(o => o.DiagnosticId == t.Id)?.Id)).ToList();
        History = await access.HistoryAsync(me, ct) ?? [];
        Views = await access.ViewsOfAsync(me, 30, ct);
        Route = await db.Routes.AsNoTracking().Where(r => r.PersonId == me).OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
    }
}
