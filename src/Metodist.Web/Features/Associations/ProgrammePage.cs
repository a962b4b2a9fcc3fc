using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Associations;

/// <summary>
/// The programme page of an owner (an association or a municipal service): the passport form, stages and sources added and
/// removed without scripts, publication and the DOCX. The two pages differ only in how they find the owner.
/// </summary>
public abstract class ProgrammePage(ProgrammeService programmes) : PageModel
{
    [BindProperty] public PassportInput Passport { get; set; } = new();

    public ProgrammeService.Owner Owner { get; private set; } = null!;
    public Programme? Programme { get; private set; }
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }
    public abstract string PageUrl { get; }
    public abstract string BackUrl { get; }

    protected abstract Task<ProgrammeService.Owner?> OwnerAsync(CancellationToken ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var owner = await OwnerAsync(ct);
        if (owner is null) return false;
        Owner = owner;
        CanManage = await programmes.CanManageAsync(owner, ct);
        Programme = await programmes.FindAsync(owner, ct);
        // Outside its managers a programme is seen only once published.
        if (!CanManage && Programme is not { IsPublished: true }) return false;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Passport = Programme is null ? new PassportInput { Name = $"Программа деятельности: {Owner.Name}" } : PassportInput.From(Programme);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Programme is null) return NotFound();
        return File(RecordDocx.Programme(Programme, Owner.Name), RecordDocx.ContentType, "Программа деятельности.docx");
    }

    private async Task<IActionResult> DoneAsync(Op op, string message, bool keepPassport, CancellationToken ct)
    {
        if (op.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect(PageUrl);
        }
        var typed = Passport;
        if (!await LoadAsync(ct)) return NotFound();
        Passport = keepPassport || Programme is null ? typed : PassportInput.From(Programme);
        Error = op.Message;
        Response.StatusCode = op.Status == OpStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostPassportAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return NotFound();
        return await DoneAsync(await programmes.SavePassportAsync(owner, Passport, ct), "Паспорт программы сохранён.", true, ct);
    }

    public async Task<IActionResult> OnPostStageAsync(string? name, string? dates, string? tasks, string? means, string? result, CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return NotFound();
        return await DoneAsync(await programmes.AddStageAsync(owner, new NewStage(name, dates, tasks, means, result), ct), "Этап добавлен.", false, ct);
    }

    public async Task<IActionResult> OnPostSourceAsync(string? text, CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return NotFound();
        return await DoneAsync(await programmes.AddSourceAsync(owner, text, ct), "Источник добавлен в список.", false, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid rowId, CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return NotFound();
        return await DoneAsync(await programmes.RemoveAsync(owner, rowId, ct), "Строка удалена, номера пересчитаны.", false, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(bool published, CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return NotFound();
        return await DoneAsync(await programmes.PublishAsync(owner, published, ct),
            published ? "Программа опубликована на сайте методической службы." : "Программа снята с публикации.", false, ct);
    }
}

/// <summary>The programme of an association.</summary>
public sealed class ProgrammeModel(ProgrammeService programmes) : ProgrammePage(programmes)
{
    private readonly ProgrammeService _programmes = programmes;

    [BindProperty(SupportsGet = true)] public Guid AssociationId { get; set; }

    public override string PageUrl => $"/Associations/{AssociationId}/Programme";

    public override string BackUrl => $"/Associations/{AssociationId}";

    protected override Task<ProgrammeService.Owner?> OwnerAsync(CancellationToken ct) => _programmes.AssociationOwnerAsync(AssociationId, ct);
}

/// <summary>The programme of a municipal methodological service.</summary>
public sealed class ServiceProgrammeModel(ProgrammeService programmes) : ProgrammePage(programmes)
{
    private readonly ProgrammeService _programmes = programmes;

    [BindProperty(SupportsGet = true)] public Guid MunicipalityId { get; set; }

    public override string PageUrl => $"/Services/{MunicipalityId}/Programme";

    public override string BackUrl => "/Associations/Execution?municipalityId=" + MunicipalityId;

    protected override Task<ProgrammeService.Owner?> OwnerAsync(CancellationToken ct) => _programmes.ServiceOwnerAsync(MunicipalityId, ct);
}
