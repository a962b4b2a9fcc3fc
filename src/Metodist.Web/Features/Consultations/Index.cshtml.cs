using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

/// <summary>
/// The consultation desk of a service (tabs by status, filters, overdue requests, export) for its methodists, and the
/// requests a teacher or an organization has asked, with their statuses and due dates, for everyone else.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, ConsultationDesk desk, ConsultationList list) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    /// <summary>For a desk methodist: the requests they asked themselves instead of the desk.</summary>
    [BindProperty(SupportsGet = true)] public bool Own { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public bool IsDeskUser { get; private set; }
    public bool IsDesk => IsDeskUser && !Own;
    public string DeskTitle { get; private set; } = "";
    public ConsultationListPage Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<ConsultationStatus, int> Counts { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public int DueSoonCount { get; private set; }
    public List<Option> Subjects { get; private set; } = [];
    public List<Option> Municipalities { get; private set; } = [];
    public bool ShowsService { get; private set; }
    public DateOnly Today => desk.Today;

    private ConsultationFilter Filter() => new()
    {
        View = IsDesk ? DeskView.Desk : DeskView.Own,
        Status = ConsultationTitles.ParseStatus(Status),
        SubjectId = SubjectId,
        Assignee = Assignee switch { "mine" => AssigneeFilter.Mine, "nobody" => AssigneeFilter.Nobody, _ => AssigneeFilter.Any },
        Overdue = Overdue,
        Level = ConsultationTitles.ParseLevel(Level),
        MunicipalityId = MunicipalityId,
        Search = Search,
        Page = PageNumber,
        PageSize = PageSize,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsDeskUser = await desk.IsDeskUserAsync(ct);
        var scope = await currentUser.ScopeAsync(ct);
        var filter = Filter();
        Result = await list.PageAsync(filter, ct);
        Counts = await list.CountsAsync(filter, ct);
        (OverdueCount, DueSoonCount) = await list.DeadlinesAsync(filter, ct);
        Subjects = (await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new Option(s.Id, s.Name)).ToList();
        if (IsDesk)
        {
            if (scope.IsRegionAdmin) Municipalities = await ScopeOptions.MunicipalitiesAsync(db, scope, ct);
            var services = scope.Roles.Where(r => r.Role == AppRole.MunicipalMethodist).Select(r => r.ScopeId).ToList();
            var names = await db.Municipalities.AsNoTracking().Where(m => services.Contains(m.Id)).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
            DeskTitle = scope.IsRegionAdmin
                ? "Региональный центр (ЦНППМ): все обращения региона"
                : names.Count > 0
                    ? "Муниципальная методическая служба: " + string.Join(", ", names)
                    : "Обращения, назначенные вам";
            ShowsService = scope.IsRegionAdmin || names.Count != 1;
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        IsDeskUser = await desk.IsDeskUserAsync(ct);
        var content = await list.ExportAsync(Filter(), ct);
        return File(content, Xlsx.ContentType, $"Обращения {desk.Today:yyyy-MM-dd}.xlsx");
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Consultations",
    [
        ("own", Own ? "true" : null), ("status", Status), ("subjectId", SubjectId?.ToString()), ("assignee", Assignee), ("overdue", Overdue ? "true" : null),
        ("level", Level), ("municipalityId", MunicipalityId?.ToString()), ("search", Search), ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
