using Metodist.Web.Features.Associations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Public.Services;

/// <summary>The public page of an association: who leads it, its published programme and plans as tables, and its coming events.</summary>
[AllowAnonymous]
public sealed class AssociationModel(PublicDirectory directory, AssociationDocuments documents) : PageModel
{
    public PublicAssociation Association { get; private set; } = null!;
    public Programme? Programme { get; private set; }
    public IReadOnlyList<WorkPlan> Plans { get; private set; } = [];
    public IReadOnlyList<PublicEvent> Coming { get; private set; } = [];
    public Guid? MunicipalityId { get; private set; }

    public static string Timing(WorkPlan plan, PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(item);
        var year = AcademicYear.Parse(plan.AcademicYear) ?? new AcademicYear(DateTime.Today.Year);
        return string.Join(", ", new[] { PlanRules.TimingText(AssociationService.Timing(item), year), item.TimingNote }.Where(x => !string.IsNullOrWhiteSpace(x)));
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var a = await directory.AssociationAsync(id, ct);
        if (a is null) return NotFound();
        Association = a;
        Programme = await directory.PublishedProgrammeAsync(id, null, ct);
        Plans = await directory.PublishedPlansAsync(id, ct);
        Coming = await directory.ComingAsync(null, id, 20, ct);
        return Page();
    }

    /// <summary>The DOCX of a published plan; drafts and approved plans are not public.</summary>
    public async Task<IActionResult> OnGetPlanAsync(Guid id, Guid planId, CancellationToken ct)
    {
        var plan = await directory.PublishedPlanAsync(planId, ct);
        if (plan is null || plan.AssociationId != id) return NotFound();
        var (bytes, name) = await documents.PlanAsync(plan, ct);
        return File(bytes, AssociationDocx.ContentType, name);
    }

    /// <summary>The DOCX of the published programme.</summary>
    public async Task<IActionResult> OnGetProgrammeAsync(Guid id, CancellationToken ct)
    {
        var a = await directory.AssociationAsync(id, ct);
        var programme = await directory.PublishedProgrammeAsync(id, null, ct);
        if (a is null || programme is null) return NotFound();
        return File(RecordDocx.Programme(programme, a.Name), RecordDocx.ContentType, "Программа деятельности.docx");
    }
}
