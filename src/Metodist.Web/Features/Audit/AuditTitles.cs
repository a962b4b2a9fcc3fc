namespace Metodist.Web.Features.Audit;

public static class AuditTitles
{
    public static string Describe(AuditEntry entry) => entry.Action switch
    {
        AuditAction.Created => $"{entry.EntityType}: создание",
        AuditAction.Deleted => $"{entry.EntityType}: удаление",
        AuditAction.Viewed => $"{entry.EntityType}: просмотр",
        _ => $"{entry.EntityType}: {entry.Field}",
    };
}
