using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Features.Settings;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

/// <summary>«Задать вопрос»: topic, subject, text and files; where the request goes and by when the answer is due are shown before it is sent.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ConsultationFiles.MaxRequestBytes)]
[RequestSizeLimit(ConsultationFiles.MaxRequestBytes)]
public sealed class NewModel(AppDbContext db, CurrentUser currentUser, ConsultationDesk desk, ConsultationRouter router, RegionSettings settings) : PageModel
{
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public Guid? SubjectId { get; set; }
    [BindProperty] public string? SubjectOther { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public bool ToRegion { get; set; }
    [BindProperty] public Guid? OrganizationId { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public AskerInfo? Asker { get; private set; }
    public bool HasMunicipalService { get; private set; }
    public DateOnly DueOn { get; private set; }
    public int DueDays { get; private set; }
    public List<Option> Subjects { get; private set; } = [];
    public List<Option> Organizations { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var files = await ConsultationFiles.ReadAsync(Files, ct);
        var subject = SubjectId?.ToString() ?? SubjectOther;
        var outcome = await desk.CreateAsync(new ConsultationInput(Topic, subject, Text, ToRegion, OrganizationId, files), ct);
        if (outcome.Request is { } request)
        {
            TempData["Message"] = $"Обращение № {request.Number} отправлено: ответ — не позднее {Format.Date(request.DueOn)}. Когда его возьмут в работу и ответят, придёт уведомление.";
            return Redirect(ConsultationDesk.Link(request));
        }
        Errors = outcome.Errors.Count > 0 ? outcome.Errors : new Dictionary<string, string> { [""] = outcome.Op.Message! };
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        (Asker, _) = await desk.AskerAsync(null, ct);
        HasMunicipalService = Asker?.MunicipalityId is { } m && await router.HasMunicipalServiceAsync(m, ct);
        DueDays = await settings.GetAsync(RegionSettings.ConsultationDueDays, ct);
        DueOn = await desk.DueDateAsync(ct);
        Subjects = (await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new Option(s.Id, s.Name)).ToList();
        var organizations = scope.Roles.Where(r => r.Role == AppRole.SchoolMethodist).Select(r => r.ScopeId).ToList();
        Organizations = (await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => new { o.Id, o.ShortName }).ToListAsync(ct))
            .OrderBy(o => o.ShortName, StringComparer.Ordinal).Select(o => new Option(o.Id, o.ShortName)).ToList();
    }
}
