using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Notifications;

[Authorize]
public sealed class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    private const int PageSize = 30;

    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public PagerModel Pager { get; private set; } = new(1, 0, _ => "");
    public int Unread { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = user.UserId!.Value;
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await query.CountAsync(ct);
        Unread = await query.CountAsync(n => n.ReadAt == null, ct);
        PageNumber = Math.Max(1, PageNumber);
        Items = await query.OrderByDescending(n => n.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Pager = new PagerModel(PageNumber, (total + PageSize - 1) / PageSize, p => $"/Notifications?page={p}");
    }

    /// <summary>Opens the thing a message is about and marks the message read.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var userId = user.UserId!.Value;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        if (n is null) return NotFound();
        n.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Redirect(n.Link is { } link && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var userId = user.UserId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        TempData["Message"] = "Все уведомления отмечены прочитанными.";
        return RedirectToPage();
    }
}
