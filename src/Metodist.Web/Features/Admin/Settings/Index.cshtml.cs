using Metodist.Web.Features.Settings;
using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Admin.Settings;

/// <summary>The region's numbers the administrator can change: the mentor's load limit, the asset's norm, the due days.</summary>
public sealed class IndexModel(RegionSettings settings, CurrentUser user) : PageModel
{
    public IReadOnlyList<(NumberSetting Setting, int Value)> Values { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var values = new List<(NumberSetting Setting, int Value)>();
        foreach (var setting in RegionSettings.All)
        {
            var raw = Request.Form[setting.Key].ToString();
            if (!int.TryParse(raw, out var value)) Errors.Add($"«{setting.Title}»: введите целое число.");
            else values.Add((setting, value));
        }
        Errors.AddRange(values.Where(v => v.Value < v.Setting.Min || v.Value > v.Setting.Max)
            .Select(v => $"«{v.Setting.Title}»: допустимо от {v.Setting.Min} до {v.Setting.Max}."));
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        foreach (var (setting, value) in values) await settings.SetAsync(setting, value, user.UserName, ct);
        TempData["Message"] = "Настройки сохранены.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<(NumberSetting, int)>();
        foreach (var setting in RegionSettings.All) list.Add((setting, await settings.GetAsync(setting, ct)));
        Values = list;
    }
}
