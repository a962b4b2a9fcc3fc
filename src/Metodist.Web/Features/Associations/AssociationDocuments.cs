using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>The documents of an association as DOCX laid out like the seeds: the plan of seed 000 and the road map of seed 002.</summary>
public static class AssociationDocx
{
    public const string ContentType = DocxBuilder.ContentType;

    /// <summary>One printed line of a plan: number, the measure (title and content), time and place, responsible.</summary>
    public sealed record PlanLine(int Number, string Title, string? Content, string Timing, string? Venue, string? Responsible);

    public static byte[] Plan(string heading, string? subheading, PlanKind kind, IReadOnlyList<PlanLine> lines, string? approval)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var doc = new DocxBuilder();
        if (!string.IsNullOrWhiteSpace(approval)) doc.Paragraph(approval, right: true, after: 120);
        doc.Heading(heading.ToUpperInvariant(), before: 120);
        if (!string.IsNullOrWhiteSpace(subheading)) doc.Paragraph(subheading, after: 120);
        if (kind == PlanKind.RoadMap)
        {
            doc.Table([6, 54, 20, 20], ["№ пп", "Мероприятия", "Сроки выполнения", "Ответственные"],
                lines.Select(l => (IReadOnlyList<string?>)[l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Join(l.Title, l.Content), l.Timing, l.Responsible]));
        }
        else
        {
            doc.Table([7, 45, 20, 28], ["№ п/п", "Наименование мероприятия", "Сроки, место проведения", "ФИО ответственного"],
                lines.Select(l => (IReadOnlyList<string?>)[$"{l.Number}.", Join(l.Title, l.Content), Join(l.Timing, l.Venue), l.Responsible]));
        }
        return doc.Build(heading);
    }

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first} {second.Trim()}";
}

/// <summary>Gathers what the documents print from the database.</summary>
public sealed class AssociationDocuments(AppDbContext db, AssociationService associations)
{
    public async Task<(byte[] Content, string FileName)> PlanAsync(WorkPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var year = AcademicYear.Parse(plan.AcademicYear) ?? AcademicYear.Of(associations.Today);
        var venues = plan.Items.Where(i => i.VenueOrganizationId is not null).Select(i => i.VenueOrganizationId!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => venues.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var lines = plan.Items.OrderBy(i => i.Number).Select(i => new AssociationDocx.PlanLine(i.Number, i.Title, i.Content,
            string.Join(", ", new[] { PlanRules.TimingText(AssociationService.Timing(i), year), i.TimingNote }.Where(x => !string.IsNullOrWhiteSpace(x))),
            i.VenueOrganizationId is { } v ? names.GetValueOrDefault(v) : null, i.ResponsibleText)).ToList();
        var heading = plan.Kind == PlanKind.RoadMap ? "«Дорожная карта»" : $"План мероприятий на {year} учебный год";
        var approval = plan.Status == PlanStatus.Draft ? null
            : $"Утверждён {plan.ApprovedOn:dd.MM.yyyy}{(string.IsNullOrWhiteSpace(plan.ApprovalDocument) ? "" : $" ({plan.ApprovalDocument})")}";
        var bytes = AssociationDocx.Plan(heading, plan.Association?.Name ?? plan.Title, plan.Kind, lines, approval);
        return (bytes, $"{(plan.Kind == PlanKind.RoadMap ? "Дорожная карта" : "План работы")} {plan.AcademicYear}.docx");
    }
}
