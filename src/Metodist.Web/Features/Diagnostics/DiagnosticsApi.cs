using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics;

public sealed record CompetenceAreaItem(string Code, string Name);

public sealed record DeficitAreaItem(string Code, string Name, int Score, string Level);

public sealed record TeacherDeficits(DateOnly Date, string Overall, IReadOnlyList<DeficitAreaItem> Areas);

public static class DiagnosticsApi
{
    public static void MapDiagnosticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/competence-areas", ListAreas).WithTags("Диагностика").WithSummary("Компетенции рамки: код и название");
        api.MapGet("/teachers/{id:guid}/deficits", GetDeficits).WithTags("Диагностика")
            .WithSummary("Последний профиль дефицитов педагога (уровни none, partial, pronounced); каждый просмотр пишется в журнал");
    }

    private static async Task<Ok<List<CompetenceAreaItem>>> ListAreas(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.CompetenceAreas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new CompetenceAreaItem(a.Code, a.Name)).ToListAsync(ct));

    private static async Task<Results<Ok<TeacherDeficits>, ProblemHttpResult>> GetDeficits(Guid id, ResultAccess access, CancellationToken ct)
    {
        var history = await access.OpenAsync(id, "API", ct);
        if (history is null) return Problems.NotFound("Педагог не найден или его результаты вам недоступны.");
        if (history.Count == 0) return Problems.NotFound("У педагога нет результатов диагностики.");
        var latest = history[0];
        return TypedResults.Ok(new TeacherDeficits(latest.TakenOn, latest.Level.Code(),
            latest.Areas.Select(a => new DeficitAreaItem(a.Code, a.Name, a.Score, a.Level.Code())).ToList()));
    }
}
