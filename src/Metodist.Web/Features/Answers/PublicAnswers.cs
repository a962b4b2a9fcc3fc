using Metodist.Web.Features.Consultations;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Answers;

/// <summary>A published answer as everyone sees it: no asker, no methodist, only the service that answered.</summary>
public sealed record PublicAnswer(Guid Id, string Topic, Guid? SubjectId, string? Subject, string Question, string Answer, DateTime PublishedAt, string Service);

public sealed record PublicAnswerPage(IReadOnlyList<PublicAnswer> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The public list of methodists' answers (<c>/Answers</c>, <c>GET /api/answers</c>): search, subject filter, paging.</summary>
public sealed class PublicAnswers(AppDbContext db)
{
    public async Task<PublicAnswerPage> PageAsync(string? search, Guid? subjectId, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.ConsultationRequests.AsNoTracking().Where(r => r.IsPublished && r.PublicQuestion != null && r.PublicAnswer != null);
        if (subjectId is { } subject) query = query.Where(r => r.SubjectId == subject);
        foreach (var word in (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var (v0, v1, v2, v3) = TextVariants.Of(word);
            query = query.Where(r => r.Topic.Contains(v0) || r.Topic.Contains(v1) || r.Topic.Contains(v2) || r.Topic.Contains(v3)
                || r.PublicQuestion!.Contains(v0) || r.PublicQuestion.Contains(v1) || r.PublicQuestion.Contains(v2) || r.PublicQuestion.Contains(v3)
                || r.PublicAnswer!.Contains(v0) || r.PublicAnswer.Contains(v1) || r.PublicAnswer.Contains(v2) || r.PublicAnswer.Contains(v3));
        }
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await query.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Number).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Id, r.Topic, r.SubjectId, r.SubjectName, r.PublicQuestion, r.PublicAnswer, r.PublishedAt, r.Level,
                Municipality = db.Municipalities.Where(m => m.Id == r.ServiceMunicipalityId).Select(m => m.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new PublicAnswer(r.Id, r.Topic, r.SubjectId, r.SubjectName, r.PublicQuestion!, r.PublicAnswer!,
            r.PublishedAt ?? default, ConsultationTitles.ServiceName(r.Level, r.Municipality))).ToList();
        return new PublicAnswerPage(items, total, page, pageSize);
    }

    /// <summary>The subjects that have published answers, for the filter.</summary>
    public async Task<List<Option>> SubjectsAsync(CancellationToken ct = default)
    {
        var rows = await db.ConsultationRequests.AsNoTracking().Where(r => r.IsPublished && r.SubjectId != null)
            .Select(r => new { Id = r.SubjectId!.Value, Name = r.SubjectName ?? "" }).Distinct().ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new Option(r.Id, r.Name)).ToList();
    }
}
