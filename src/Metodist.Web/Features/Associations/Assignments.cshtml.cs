using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Associations;

/// <summary>The open assignments of protocols across the associations the user sees, until each is closed.</summary>
public sealed class AssignmentsModel(ProtocolService protocols) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? AssociationId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OpenAssignment> All { get; private set; } = [];
    public IReadOnlyList<OpenAssignment> Rows { get; private set; } = [];
    public int PageCount => Math.Max(1, (All.Count + PageSize - 1) / PageSize);

    public string Link(int page) => $"/Associations/Assignments?page={page}" + (AssociationId is { } a ? $"&associationId={a}" : "") + (Overdue ? "&overdue=true" : "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        All = await protocols.OpenAsync(AssociationId, Overdue, ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = All.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }
}
