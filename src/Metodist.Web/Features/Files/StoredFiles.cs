using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Files;

/// <summary>Reading stored files with the scope check: a personal file only for those who see its person, any other file for every signed-in user.</summary>
public static class StoredFiles
{
    public static async Task<StoredFile?> FindVisibleAsync(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.UserId is null) return null;
        // Attachments of consultation requests are served by the desk, which knows who handles the request.
        if (await Consultations.ConsultationFiles.IsAttachmentAsync(db, id, ct)) return null;
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file?.PersonId is { } personId && !await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == personId, ct)) return null;
        return file;
    }

    public static void MapFilesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/files/{id:guid}", DownloadAsync).WithTags("Файлы").WithSummary("Загруженный файл (скан удостоверения и т. п.); 404, если его владелец вне области видимости");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, AppDbContext db, CurrentUser user, CancellationToken ct)
    {
        var file = await FindVisibleAsync(db, await user.ScopeAsync(ct), id, ct);
        return file is null
            ? Problems.NotFound("Файл не найден или недоступен в вашей области видимости.")
            : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
