using System.Text.RegularExpressions;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Areas;

public sealed class AreaForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? SortOrder { get; set; }
}

/// <summary>Adds an area to the framework or changes one (region administrator only).</summary>
[Authorize(Policy = AuthSetup.RegionAdminPolicy)]
public sealed partial class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public AreaForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CodePattern();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existingId)
        {
            var area = await db.CompetenceAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == existingId, ct);
            if (area is null) return NotFound();
            Id = existingId;
            Input = new AreaForm { Code = area.Code, Name = area.Name, Description = area.Description, SortOrder = area.SortOrder };
        }
        else
        {
            Input.SortOrder = (await db.CompetenceAreas.MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        CompetenceArea? area = null;
        if (id is { } existingId)
        {
            area = await db.CompetenceAreas.FirstOrDefaultAsync(a => a.Id == existingId, ct);
            if (area is null) return NotFound();
            Id = existingId;
        }
        Errors = await ValidateAsync(id, ct);
        if (Errors.Count > 0) return Page();
        if (area is null)
        {
            area = new CompetenceArea();
            db.CompetenceAreas.Add(area);
        }
        area.Code = Input.Code!.Trim();
        area.Name = Input.Name!.Trim();
        area.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        area.SortOrder = Input.SortOrder ?? 0;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Компетенция «{area.Name}» сохранена.";
        return Redirect("/Diagnostics/Areas");
    }

    private async Task<Dictionary<string, string>> ValidateAsync(Guid? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var code = Input.Code?.Trim() ?? "";
        if (code.Length == 0) errors[nameof(Input.Code)] = "Укажите код компетенции.";
        else if (code.Length > 40) errors[nameof(Input.Code)] = "Код — не длиннее 40 символов.";
        else if (!CodePattern().IsMatch(code)) errors[nameof(Input.Code)] = "Код — строчные латинские буквы, цифры и дефис, например digital или soft-skills.";
        else if (await db.CompetenceAreas.AnyAsync(a => a.Code == code && a.Id != id, ct)) errors[nameof(Input.Code)] = $"Код «{code}» уже занят другой компетенцией.";
        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(Input.Name)] = "Укажите название компетенции.";
        else if (name.Length > 200) errors[nameof(Input.Name)] = "Название — не длиннее 200 символов.";
        if (Input.Description?.Trim().Length > 2000) errors[nameof(Input.Description)] = "Описание — не длиннее 2000 символов.";
        if (Input.SortOrder is null or < 0 or > 1000) errors[nameof(Input.SortOrder)] = "Порядковый номер — целое число от 0 до 1000.";
        return errors;
    }
}
