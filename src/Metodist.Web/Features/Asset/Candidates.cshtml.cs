using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Asset;

/// <summary>
/// The candidates of the asset found by the requirements: who meets or misses each one; the region administrator ticks the
/// requirements only a person can judge and includes people in the candidates.
/// </summary>
public sealed class CandidatesModel(AppDbContext db, AssetService asset, AssetCandidates candidates) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool Eligible { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    [TempData] public string? Error { get; set; }

    public CandidatePage Result { get; private set; } = new([], 0, 1, 50);
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Subjects { get; private set; } = [];
    public UserScope Scope { get; private set; } = UserScope.Nobody;

    private CandidateFilter Filter => new()
    {
        MunicipalityId = MunicipalityId, SubjectId = SubjectId, Search = Search, EligibleOnly = Eligible, Page = PageNumber, PageSize = 50,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await asset.ScopeAsync(ct);
        if (!Scope.IsStaff) return Forbid();
        Result = await candidates.PageAsync(Filter, ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, Scope, ct);
        Subjects = await IndexModel.SubjectOptionsAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsStaff) return Forbid();
        return File(await candidates.ExportAsync(Filter, ct), Xlsx.ContentType, $"Кандидаты в методический актив {asset.Today:yyyy-MM-dd}.xlsx");
    }

    /// <summary>Saves what the administrator judged; a person not in the asset yet becomes a candidate.</summary>
    public async Task<IActionResult> OnPostJudgeAsync(Guid personId, bool associationLeader, bool examExpert, bool communityLeader, bool highStudentResults,
        CancellationToken ct)
    {
        var wasCandidate = await asset.IsMemberAsync(personId, ct);
        var (op, methodist) = await asset.JudgeAsync(personId, new JudgedRequirements(associationLeader, examExpert, communityLeader, highStudentResults), ct);
        if (op.Status == AssetOpStatus.Forbidden) return Forbid();
        if (op.Succeeded) TempData["Message"] = wasCandidate ? "Требования сохранены." : "Педагог включён в кандидаты в региональные методисты.";
        else Error = op.Message;
        return Redirect(Link() + (methodist is null ? "" : "#p-" + personId));
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Asset/Candidates",
    [
        ("municipalityId", MunicipalityId?.ToString()), ("subjectId", SubjectId?.ToString()), ("search", Search), ("eligible", Eligible ? "true" : null),
        ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
