using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>
/// The results of a round for methodists: per municipality of their scope, per question, the struggling young teachers by
/// name (with a way to find them a mentor) and what the young teachers ask for, without names; XLSX of the figures.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, AdaptationSurveys surveys, AdaptationResults results) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? SurveyId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }

    public UserScope Scope { get; private set; } = UserScope.Nobody;
    public List<AdaptationSurvey> Surveys { get; private set; } = [];
    public List<Option> Municipalities { get; private set; } = [];
    public AdaptationReport? Report { get; private set; }
    public DateOnly Today => surveys.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await currentUser.ScopeAsync(ct);
        if (!Scope.IsStaff) return Redirect("/Mentoring/Adaptation/Take");
        if (!Scope.IsMethodist) return Page();
        Surveys = await surveys.AllAsync(ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, Scope, ct);
        if (Selected() is not { } survey) return SurveyId is null ? Page() : NotFound();
        SurveyId = survey.Id;
        Report = await results.BuildAsync(survey, Scope, MunicipalityId, ct);
        return Report is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        Surveys = await surveys.AllAsync(ct);
        if (Selected() is not { } survey) return NotFound();
        var report = await results.BuildAsync(survey, scope, MunicipalityId, ct);
        if (report is null) return NotFound();
        return File(AdaptationResults.Export(report), Xlsx.ContentType, $"Адаптация молодых педагогов {survey.AcademicYear} {survey.Round.Title()}.xlsx");
    }

    /// <summary>The round asked for; by default the latest one that has begun (or the latest at all).</summary>
    private AdaptationSurvey? Selected()
    {
        if (SurveyId is { } id) return Surveys.FirstOrDefault(s => s.Id == id);
        var today = surveys.Today;
        return Surveys.FirstOrDefault(s => s.OpensOn <= today) ?? Surveys.FirstOrDefault();
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Mentoring/Adaptation",
        [("surveyId", SurveyId?.ToString()), ("municipalityId", MunicipalityId?.ToString()), .. overrides]);
}
