namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// How an import kind is named and shown: its name in the API and the command line, its title, the word for
/// the records it creates, the list to open when it is done, and whether only the region administrator may run it.
/// </summary>
public sealed record ImportKindInfo(
    ImportKind Kind, string Name, string Title, string Choice, string Records, string Description, string ListPath, bool RegionAdminOnly);

public static class ImportKinds
{
    public static readonly IReadOnlyList<ImportKindInfo> All =
    [
        new(ImportKind.Teachers, "teachers", "Педагоги", "Педагоги с местами работы", "педагогов",
            "Загрузить педагогов с местами работы", "/Registry/Teachers", RegionAdminOnly: false),
        new(ImportKind.Organizations, "organizations", "Организации", "Организации", "организаций",
            "Загрузить организации", "/Registry/Organizations", RegionAdminOnly: false),
        new(ImportKind.DiagnosticResults, "diagnostic-results", "Результаты диагностики", "Результаты диагностики (баллы по компетенциям)", "результатов",
            "Загрузить результаты внешней диагностики (баллы по компетенциям)", "/Diagnostics/Results", RegionAdminOnly: false),
        new(ImportKind.Courses, "courses", "Каталог курсов", "Каталог курсов", "курсов",
            "Загрузить каталог курсов повышения квалификации", "/Courses", RegionAdminOnly: true),
    ];

    public static ImportKindInfo Of(ImportKind kind) => All.First(k => k.Kind == kind);

    /// <summary>The kind with this API name (teachers, organizations, diagnostic-results, courses), or null.</summary>
    public static ImportKindInfo? Find(string? name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
