using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Admin.Users;

public sealed record UserRow(Guid Id, string Login, string DisplayName, bool LockedOut, IReadOnlyList<(AppRole Role, Guid ScopeId)> Roles);

public sealed class IndexModel(CurrentUser currentUser, UserAccounts accounts, ScopeChoices choices) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public Dictionary<Guid, string> ScopeNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = accounts.Visible(await currentUser.ScopeAsync(ct)).AsNoTracking();
        var term = SearchText.Normalize(Search);
        var users = await query.OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd, Roles = u.Roles.Select(r => new { r.Role, r.ScopeId }).ToList() })
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        Users = users
            .Where(u => term.Length == 0 || SearchText.Normalize(u.UserName + " " + u.DisplayName).Contains(term, StringComparison.Ordinal))
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.LockoutEnd > now, u.Roles.Select(r => (r.Role, r.ScopeId)).ToList()))
            .ToList();
        ScopeNames = await choices.NamesAsync(Users.SelectMany(u => u.Roles.Select(r => r.ScopeId)), ct);
    }
}
