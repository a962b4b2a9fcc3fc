using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Take;

/// <summary>What the test is about and how long it takes, before the teacher starts it (or resumes the attempt they have open).</summary>
public sealed class StartModel(AppDbContext db, CurrentUser currentUser, DiagnosticAttempts attempts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid DiagnosticId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CampaignId { get; set; }

    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public int Questions { get; private set; }
    public int? TimeLimitMinutes { get; private set; }
    public string? CampaignTitle { get; private set; }
    public DateOnly? CampaignDeadline { get; private set; }
    public bool HasOpenAttempt { get; private set; }
    public bool HasPerson { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if ((await currentUser.ScopeAsync(ct)).PersonId is not { } personId) return Page();
        var outcome = await attempts.StartAsync(personId, DiagnosticId, CampaignId, ct);
        if (outcome.Succeeded) return Redirect($"/Diagnostics/Take/{outcome.AttemptId}");
        Error = outcome.Message;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var diagnostic = await db.Diagnostics.AsNoTracking()
            .Where(d => d.Id == DiagnosticId && d.IsPublished && d.Kind == DiagnosticKind.OnlineTest)
            .Select(d => new { d.Title, d.Description, Questions = d.Questions.Count, d.TimeLimitMinutes }).FirstOrDefaultAsync(ct);
        if (diagnostic is null) return false;
        (Title, Description, Questions, TimeLimitMinutes) = (diagnostic.Title, diagnostic.Description, diagnostic.Questions, diagnostic.TimeLimitMinutes);
        if (CampaignId is { } campaignId)
        {
            var campaign = await db.DiagnosticCampaigns.AsNoTracking().Where(c => c.Id == campaignId && c.DiagnosticId == DiagnosticId)
                .Select(c => new { c.Title, c.Deadline }).FirstOrDefaultAsync(ct);
            (CampaignTitle, CampaignDeadline) = (campaign?.Title, campaign?.Deadline);
        }
        HasPerson = scope.PersonId is not null;
        var personId = scope.PersonId;
        HasOpenAttempt = HasPerson && await db.DiagnosticAttempts.AnyAsync(a => a.DiagnosticId == DiagnosticId && a.PersonId == personId && a.FinishedAt == null, ct);
        return true;
    }
}
