using Metodist.Web.Infrastructure.Imports;

namespace Metodist.Web.Features.Imports;

/// <summary>Loading results of outside assessments where the diagnostics API is: the same job as POST /api/imports/diagnostic-results.</summary>
public static class DiagnosticImportsApi
{
    public static void MapDiagnosticImportsApi(this RouteGroupBuilder api)
    {
        api.MapUpload("/diagnostics/results/import", ImportKind.DiagnosticResults,
                "Ставит в очередь загрузку результатов внешней диагностики из XLSX или CSV (поле file): СНИЛС, ФИО, дата рождения, дата и балл 0–100 " +
                "по каждой компетенции (столбцы — коды компетенций); validOnly=true сохраняет строки без ошибок. Состояние — GET /api/imports/{id}")
            .WithTags("Диагностика");
    }
}
