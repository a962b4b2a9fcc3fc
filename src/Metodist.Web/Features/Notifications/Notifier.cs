using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Notifications;

/// <summary>Sends messages to users inside the product; the message is saved with the caller's next SaveChanges.</summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock)
{
    /// <summary>Adds a message for <paramref name="userId"/> (nothing when there is no user to tell).</summary>
    public void Notify(Guid? userId, string text, string? link)
    {
        if (userId is not { } id) return;
        db.Notifications.Add(new Notification { UserId = id, Text = text, Link = link, CreatedAt = clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>The user account of a registry person, to notify them.</summary>
    public async Task<Guid?> UserOfPersonAsync(Guid? personId, CancellationToken ct = default) =>
        personId is { } id ? await db.Users.Where(u => u.PersonId == id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) : null;

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
}
