using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

/// <summary>One request: the question, its files, its history, and the steps open to this user.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ConsultationFiles.MaxRequestBytes)]
[RequestSizeLimit(ConsultationFiles.MaxRequestBytes)]
public sealed class DetailsModel(AppDbContext db, ConsultationDesk desk, ConsultationRouter router) : PageModel
{
    public sealed record FileRow(Guid Id, string FileName, long Size, bool IsAnswer);

    public ConsultationRequest Item { get; private set; } = null!;
    public ConsultationActor Actor { get; private set; } = ConsultationActor.Nobody;
    public IReadOnlySet<ConsultationAction> Allowed { get; private set; } = new HashSet<ConsultationAction>();
    public string Service { get; private set; } = "";
    public string? Municipality { get; private set; }
    public string? Organization { get; private set; }
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public IReadOnlyList<DeskCandidate> Colleagues { get; private set; } = [];
    public bool CanReturn { get; private set; }
    public string PublicQuestion { get; private set; } = "";
    public string PublicAnswer { get; private set; } = "";
    public DateOnly Today => desk.Today;

    /// <summary>The answer typed before a refusal, shown again in the form.</summary>
    public string? AnswerText { get; private set; }

    [TempData] public string? Error { get; set; }

    public bool Can(ConsultationAction action) => Allowed.Contains(action);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await LoadDetailsAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await desk.FindAsync(id, ct);
        if (request is null) return false;
        Item = request;
        Actor = await desk.ActorAsync(request, ct);
        Allowed = ConsultationWorkflow.Allowed(request.Status, request.Level, Actor);
        return true;
    }

    private async Task LoadDetailsAsync(CancellationToken ct)
    {
        Service = await desk.ServiceNameAsync(Item, ct);
        Municipality = Item.MunicipalityId is { } m ? await db.Municipalities.AsNoTracking().Where(x => x.Id == m).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Organization = Item.OrganizationId is { } o ? await db.Organizations.AsNoTracking().Where(x => x.Id == o).Select(x => x.ShortName).FirstOrDefaultAsync(ct) : null;
        var ids = Item.Attachments.Select(a => a.FileId).ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.Size }).ToListAsync(ct);
        Files = Item.Attachments.Join(files, a => a.FileId, f => f.Id, (a, f) => new FileRow(f.Id, f.FileName, f.Size, a.IsAnswer))
            .OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        if (Can(ConsultationAction.Assign)) Colleagues = await router.ColleaguesAsync(Item, ct);
        CanReturn = Can(ConsultationAction.Return) && Item.MunicipalityId is { } asker && await router.HasMunicipalServiceAsync(asker, ct);
        if (Can(ConsultationAction.Publish)) (PublicQuestion, PublicAnswer) = await desk.PublicDraftAsync(Item, ct);
    }

    /// <summary>Back to the request with the step's message, or to the list when the step took the request out of the user's sight.</summary>
    private async Task<IActionResult> DoneAsync(ConsultationOp op, string success, CancellationToken ct)
    {
        if (op.Succeeded) TempData["Message"] = success;
        else Error = op.Message;
        if (op.Succeeded && await desk.FindAsync(Item.Id, ct) is null) return Redirect("/Consultations");
        return Redirect(ConsultationDesk.Link(Item));
    }

    public async Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.TakeAsync(Item, ct), "Обращение взято в работу, заявитель получил уведомление.", ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid? assigneeUserId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var op = assigneeUserId is { } assignee ? await desk.AssignAsync(Item, assignee, ct) : ConsultationOp.Invalid("Выберите исполнителя.");
        return await DoneAsync(op, $"Исполнитель назначен: {Item.AssigneeName}.", ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, List<IFormFile>? files, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var uploads = await ConsultationFiles.ReadAsync(files, ct);
        var op = await desk.AnswerAsync(Item, answer, uploads, ct);
        if (op.Status == ConsultationOpStatus.Invalid)
        {
            // The typed answer stays in the form next to the message.
            AnswerText = answer;
            Error = null;
            ViewData["AnswerError"] = op.Message;
            await LoadDetailsAsync(ct);
            return Page();
        }
        return await DoneAsync(op, "Ответ отправлен заявителю.", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.RejectAsync(Item, reason, ct), "Обращение отклонено, заявитель получил уведомление с причиной.", ct);
    }

    public async Task<IActionResult> OnPostForwardAsync(Guid id, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.ForwardAsync(Item, comment, ct), $"Обращение № {Item.Number} передано в региональный центр (ЦНППМ).", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.ReturnAsync(Item, comment, ct), $"Обращение № {Item.Number} возвращено в муниципальную методическую службу.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.CloseAsync(Item, ct), "Обращение закрыто.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, string? question, string? answer, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.PublishAsync(Item, question, answer, ct), "Ответ опубликован в разделе «Ответы методистов».", ct);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await DoneAsync(await desk.UnpublishAsync(Item, ct), "Ответ снят с публикации.", ct);
    }
}
