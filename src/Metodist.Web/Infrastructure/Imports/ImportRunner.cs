namespace Metodist.Web.Infrastructure.Imports;

/// <summary>Runs a job with the importer of its kind; the same path for the background worker and the command line.</summary>
public sealed class ImportRunner(
    TeacherImporter teachers, OrganizationImporter organizations, DiagnosticResultImporter results, CourseImporter courses)
{
    public Task<ImportOutcome> RunAsync(ImportJob job, ImportProgressHandler? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kind switch
        {
            ImportKind.Teachers => teachers.RunAsync(job, progress, ct),
            ImportKind.Organizations => organizations.RunAsync(job, progress, ct),
            ImportKind.DiagnosticResults => results.RunAsync(job, progress, ct),
            ImportKind.Courses => courses.RunAsync(job, progress, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(job), job.Kind, "Неизвестный вид загрузки."),
        };
    }
}
