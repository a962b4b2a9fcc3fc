using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Metodist.Web.Features.Imports;

public static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Загрузка данных");
        imports.MapPost("/teachers", (HttpRequest request, bool? validOnly, bool? dryRun, ImportJobs jobs, CurrentUser user, CancellationToken ct) =>
                CreateAsync(ImportKind.Teachers, request, validOnly, dryRun, jobs, user, ct))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportJobs.MaxRequestBytes))
            .WithSummary("Ставит в очередь загрузку педагогов с местами работы из XLSX или CSV (поле file); validOnly=true сохраняет строки без ошибок");
        imports.MapPost("/organizations", (HttpRequest request, bool? validOnly, bool? dryRun, ImportJobs jobs, CurrentUser user, CancellationToken ct) =>
                CreateAsync(ImportKind.Organizations, request, validOnly, dryRun, jobs, user, ct))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportJobs.MaxRequestBytes))
            .WithSummary("Ставит в очередь загрузку организаций из XLSX или CSV (поле file)");
        imports.MapGet("/{id:guid}", GetAsync).WithSummary("Состояние загрузки: queued, running, succeeded или failed; счётчики и ошибки по строкам");
        imports.MapGet("/", ListAsync).WithSummary("Последние загрузки текущего пользователя");
        imports.MapGet("/templates/{kind}", Template).WithSummary("Шаблон XLSX с заголовками столбцов (kind: teachers или organizations)");
    }

    private static async Task<Results<Accepted<ImportCreated>, ProblemHttpResult>> CreateAsync(ImportKind kind, HttpRequest request, bool? validOnly, bool? dryRun,
        ImportJobs jobs, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (!scope.CanImport) return Problems.Forbidden(ImportJobs.NotAllowed);
        if (!request.HasFormContentType) return Problems.BadRequest("Передайте файл в теле запроса multipart/form-data, в поле «file».");
        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(ct);
            file = form.Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.BadRequest(ImportJobs.TooLarge);
        }
        catch (InvalidDataException)
        {
            return Problems.BadRequest("Не удалось прочитать файл из запроса: проверьте, что он передан как multipart/form-data в поле «file».");
        }
        if (file is null) return Problems.BadRequest("В запросе нет файла: передайте его в поле «file».");

        var (job, error) = await jobs.CreateAsync(scope, user.UserName, kind, file, dryRun ?? false, validOnly ?? false, ct);
        if (job is null) return Problems.BadRequest(error ?? "Файл не принят.");
        return TypedResults.Accepted($"/api/imports/{job.Id}", new ImportCreated(job.Id));
    }

    private static async Task<Results<Ok<ImportJobView>, ProblemHttpResult>> GetAsync(Guid id, ImportJobs jobs, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        var job = await jobs.FindAsync(scope, id, ct);
        return job is null ? Problems.NotFound("Загрузка не найдена или запущена другим пользователем.") : TypedResults.Ok(job);
    }

    private static async Task<Ok<IReadOnlyList<ImportJobView>>> ListAsync(ImportJobs jobs, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await jobs.RecentAsync(await user.ScopeAsync(ct), 50, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Template(string kind, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (!scope.CanImport) return Problems.Forbidden(ImportJobs.NotAllowed);
        if (ImportJobs.ParseKind(kind) is not { } importKind) return Problems.NotFound("Шаблон не найден: укажите teachers или organizations.");
        var (content, fileName) = ImportTemplates.Build(importKind);
        return TypedResults.File(content, Xlsx.ContentType, fileName);
    }
}
