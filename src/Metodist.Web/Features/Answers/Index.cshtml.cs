using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Answers;

/// <summary>The public list of methodists' answers: open to everyone without signing in, with no names of askers or methodists.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicAnswers answers) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PublicAnswerPage Result { get; private set; } = new([], 0, 1, PageSize);
    public List<Option> Subjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await answers.PageAsync(Search, SubjectId, PageNumber, PageSize, ct);
        Subjects = await answers.SubjectsAsync(ct);
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Answers",
        [("search", Search), ("subjectId", SubjectId?.ToString()), ("page", Links.Page(PageNumber)), .. overrides]);
}
