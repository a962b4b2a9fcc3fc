namespace Metodist.Web.Infrastructure.Imports;

public enum ImportKind
{
    Teachers,
    Organizations,

    /// <summary>Scores per competence area from an outside assessment, as results of the external diagnostic.</summary>
    DiagnosticResults,

    /// <summary>The catalogue of advanced-training programmes.</summary>
    Courses,
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// An import kept in the database (file, options, progress, errors), so that any app node can run it
/// and any node can report on it.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Queued;

    /// <summary>Only check the file and report its rows; save nothing (the preview).</summary>
    public bool DryRun { get; set; }

    /// <summary>Save the valid rows even when other rows are bad.</summary>
    public bool ValidOnly { get; set; }

    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>When the importer works for a municipal methodist, rows must stay inside this municipality.</summary>
    public Guid? MunicipalityScopeId { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Imported { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int ErrorCount { get; set; }

    /// <summary>Rows with at least one error (<see cref="ErrorCount"/> counts the errors themselves).</summary>
    public int BadRows { get; set; }

    /// <summary>Last sign of life of the node running the job; a running job silent for long was interrupted.</summary>
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>The row errors as JSON: [{"row", "column", "message"}].</summary>
    public string ErrorsJson { get; set; } = "[]";

    public string? Message { get; set; }
}

public sealed record ImportError(int Row, string Column, string Message);
