using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
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
        imports.MapUpload("/teachers", ImportKind.Teachers,
            "Ставит в очередь загрузку педагогов с местами работы из XLSX или CSV (поле file); validOnly=true сохраняет строки без ошибок");
        imports.MapUpload("/organizations", ImportKind.Organizations, "Ставит в очередь загрузку организаций из XLSX или CSV (поле file)");
        imports.MapUpload("/diagnostic-results", ImportKind.DiagnosticResults,
            "Ставит в очередь загрузку результатов внешней диагностики (баллы 0–100 по компетенциям) из XLSX или CSV (поле file); то же, что POST /api/diagnostics/results/import");
        imports.MapUpload("/courses", ImportKind.Courses, "Ставит в очередь загрузку каталога курсов из XLSX или CSV (поле file); только для администратора региона");
        imports.MapGet("/{id:guid}", GetAsync).WithSummary("Состояние загрузки: queued, running, succeeded или failed; счётчики и ошибки по строкам");
        imports.MapGet("/", ListAsync).WithSummary("Последние загрузки текущего пользователя");
        imports.MapGet("/templates/{kind}", Template)
            .WithSummary("Шаблон XLSX с заголовками столбцов (kind: teachers, organizations, diagnostic-results или courses)");
        api.MapDiagnosticImportsApi();
    }

    /// <summary>An upload endpoint: multipart field «file», query validOnly and dryRun; answers 202 with the id of the queued job.</summary>
    internal static RouteHandlerBuilder MapUpload(this IEndpointRouteBuilder group, string pattern, ImportKind kind, string summary) =>
        group.MapPost(pattern, (HttpRequest request, bool? validOnly, bool? dryRun, ImportJobs jobs, CurrentUser user, CancellationToken ct) =>
                CreateAsync(kind, request, validOnly, dryRun, jobs, user, ct))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportJobs.MaxRequestBytes))
            .WithSummary(summary);

    private static async Task<Results<Accepted<ImportCreated>, ProblemHttpResult>> CreateAsync(ImportKind kind, HttpRequest request, bool? validOnly, bool? dryRun,
        ImportJobs jobs, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (ImportJobs.Refusal(scope, kind) is { } refusal) return Problems.Forbidden(refusal);
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

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Template(string kind, CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (!scope.CanImport) return Problems.Forbidden(ImportJobs.NotAllowed);
        if (ImportJobs.ParseKind(kind) is not { } importKind)
            return Problems.NotFound("Шаблон не найден: укажите teachers, organizations, diagnostic-results или courses.");
        if (ImportJobs.Refusal(scope, importKind) is { } refusal) return Problems.Forbidden(refusal);
        var (content, fileName) = await ImportTemplates.BuildAsync(importKind, db, ct);
        return TypedResults.File(content, Xlsx.ContentType, fileName);
    }
}
