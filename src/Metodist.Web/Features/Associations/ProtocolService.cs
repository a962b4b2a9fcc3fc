using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>An assignment row of the protocol form; <paramref name="Id"/> names an existing assignment when a protocol is edited.</summary>
public sealed record NewAssignment(string? Text, Guid? ResponsiblePersonId, string? ResponsibleText, DateOnly? Deadline, Guid? Id = null);

public sealed record NewProtocol(
    int? Number, DateOnly? Date, string? Venue, string? Chair, string? Secretary, string? Agenda, string? Heard, string? Decided, int Guests,
    Guid? EventId, IReadOnlyList<Guid> PresentMemberIds, IReadOnlyList<NewAssignment> Assignments);

/// <summary>An assignment still open, with where it came from and whether its deadline has passed.</summary>
public sealed record OpenAssignment(
    Guid Id, Guid ProtocolId, int ProtocolNumber, DateOnly ProtocolDate, Guid AssociationId, string Association, int Number, string Text,
    string? Responsible, DateOnly? Deadline, bool Overdue);

/// <summary>Protocols of meetings: attendees from the members, agenda, what was heard and decided, assignments open until closed.</summary>
public sealed class ProtocolService(AppDbContext db, AssociationService associations)
{
    public const string NotFoundMessage = "Протокол не найден или недоступен в вашей области видимости.";

    public async Task<int> NextNumberAsync(Guid associationId, CancellationToken ct = default) =>
        (await db.Protocols.Where(p => p.AssociationId == associationId).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;

    public async Task<Protocol?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var protocol = await db.Protocols.Include(p => p.Attendees).Include(p => p.Assignments).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (protocol is null) return null;
        protocol.Association = await associations.FindAsync(protocol.AssociationId, ct);
        return protocol.Association is null ? null : protocol;
    }

    public async Task<(Op Op, Protocol? Protocol)> CreateAsync(Association a, NewProtocol input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(input);
        if (!await associations.CanManageAsync(a, ct)) return (Op.Forbidden("Протокол ведёт руководитель или секретарь объединения."), null);
        var invalid = await ValidateAsync(a, input, null, ct);
        if (invalid is not null) return (invalid, null);
        var date = input.Date!.Value;
        var number = input.Number ?? await NextNumberAsync(a.Id, ct);
        var members = a.Members.Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.SortOrder).ToList();
        if (input.PresentMemberIds.Any(id => members.All(m => m.Id != id))) return (Op.Invalid("Среди присутствовавших есть не участник объединения."), null);
        var protocol = new Protocol
        {
            AssociationId = a.Id, EventId = input.EventId, Number = number, Date = date, Venue = Trim(input.Venue), Chair = Trim(input.Chair),
            Secretary = Trim(input.Secretary), Agenda = input.Agenda!.Trim(), Heard = Trim(input.Heard), Decided = Trim(input.Decided), Guests = input.Guests,
            CreatedBy = associations.UserName,
        };
        foreach (var m in members)
            protocol.Attendees.Add(new ProtocolAttendee { ProtocolId = protocol.Id, MemberId = m.Id, FullName = m.FullName, Present = input.PresentMemberIds.Contains(m.Id) });
        var n = 0;
        foreach (var x in input.Assignments.Where(x => !string.IsNullOrWhiteSpace(x.Text)))
        {
            var responsible = x.ResponsiblePersonId is { } pid ? members.FirstOrDefault(m => m.PersonId == pid) : null;
            if (x.ResponsiblePersonId is not null && responsible is null) return (Op.Invalid("Ответственный за поручение — не участник объединения."), null);
            protocol.Assignments.Add(new ProtocolAssignment
            {
                ProtocolId = protocol.Id, Number = ++n, Text = x.Text!.Trim(), ResponsiblePersonId = responsible?.PersonId,
                ResponsibleText = Trim(x.ResponsibleText) ?? responsible?.FullName, Deadline = x.Deadline,
            });
        }
        db.Protocols.Add(protocol);
        await db.SaveChangesAsync(ct);
        protocol.Association = a;
        return (Op.Ok, protocol);
    }

    /// <summary>
    /// Corrects a saved protocol: its header, texts and who was present among those listed at the meeting; open assignments can be
    /// reworded, reassigned, given another deadline or removed (an emptied row), new ones added; closed ones stay as they were.
    /// </summary>
    public async Task<Op> UpdateAsync(Protocol protocol, NewProtocol input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(input);
        if (protocol.Association is not { } a || !await associations.CanManageAsync(a, ct)) return Op.Forbidden("Протокол ведёт руководитель или секретарь объединения.");
        var invalid = await ValidateAsync(a, input, protocol, ct);
        if (invalid is not null) return invalid;
        if (input.PresentMemberIds.Any(id => protocol.Attendees.All(x => x.MemberId != id)))
            return Op.Invalid("Среди присутствовавших есть тот, кого нет в списке участников заседания.");
        var members = a.Members.Where(m => m.Status == MemberStatus.Active).ToList();
        var rows = input.Assignments.ToList();
        foreach (var row in rows.Where(r => r.Id is not null))
            if (protocol.Assignments.All(x => x.Id != row.Id)) return Op.Invalid("Поручение не найдено в этом протоколе.");
        var changes = new List<Action>();
        var next = protocol.Assignments.Select(x => x.Number).DefaultIfEmpty(0).Max();
        foreach (var row in rows)
        {
            var existing = row.Id is { } rid ? protocol.Assignments.First(x => x.Id == rid) : null;
            if (existing?.DoneOn is not null) continue;
            if (existing is null && string.IsNullOrWhiteSpace(row.Text)) continue;
            // A responsible person stays valid when unchanged even if they have left the association since.
            var keeps = existing is not null && row.ResponsiblePersonId == existing.ResponsiblePersonId;
            var responsible = row.ResponsiblePersonId is { } pid ? members.FirstOrDefault(m => m.PersonId == pid) : null;
            if (row.ResponsiblePersonId is not null && responsible is null && !keeps) return Op.Invalid("Ответственный за поручение — не участник объединения.");
            if (existing is null)
            {
                var added = new ProtocolAssignment
                {
                    ProtocolId = protocol.Id, Number = ++next, Text = row.Text!.Trim(), ResponsiblePersonId = responsible?.PersonId,
                    ResponsibleText = Trim(row.ResponsibleText) ?? responsible?.FullName, Deadline = row.Deadline,
                };
                changes.Add(() => { protocol.Assignments.Add(added); db.ProtocolAssignments.Add(added); });
            }
            else if (string.IsNullOrWhiteSpace(row.Text))
            {
                changes.Add(() => { protocol.Assignments.Remove(existing); db.ProtocolAssignments.Remove(existing); });
            }
            else
            {
                var text = row.Text.Trim();
                var responsibleText = keeps ? existing.ResponsibleText : responsible?.FullName;
                changes.Add(() =>
                {
                    existing.Text = text;
                    existing.ResponsiblePersonId = row.ResponsiblePersonId;
                    existing.ResponsibleText = responsibleText;
                    existing.Deadline = row.Deadline;
                });
            }
        }
        protocol.Number = input.Number ?? protocol.Number;
        protocol.Date = input.Date!.Value;
        protocol.Venue = Trim(input.Venue);
        protocol.Chair = Trim(input.Chair);
        protocol.Secretary = Trim(input.Secretary);
        protocol.Agenda = input.Agenda!.Trim();
        protocol.Heard = Trim(input.Heard);
        protocol.Decided = Trim(input.Decided);
        protocol.Guests = input.Guests;
        protocol.EventId = input.EventId;
        foreach (var x in protocol.Attendees) x.Present = input.PresentMemberIds.Contains(x.MemberId);
        foreach (var change in changes) change();
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    private async Task<Op?> ValidateAsync(Association a, NewProtocol input, Protocol? editing, CancellationToken ct)
    {
        if (input.Date is null) return Op.Invalid("Укажите дату заседания.");
        if (string.IsNullOrWhiteSpace(input.Agenda)) return Op.Invalid("Укажите повестку дня: хотя бы один вопрос.");
        if (input.Guests < 0) return Op.Invalid("Число приглашённых не может быть отрицательным.");
        if (input.Number is { } number)
        {
            if (number < 1) return Op.Invalid("Номер протокола — целое число от 1.");
            var otherId = editing?.Id ?? Guid.Empty;
            if (await db.Protocols.AnyAsync(p => p.AssociationId == a.Id && p.Number == number && p.Id != otherId, ct))
                return Op.Conflict($"Протокол № {number} у объединения уже есть.");
        }
        if (input.Agenda.Length > 4000 || (input.Decided?.Length ?? 0) > 8000 || (input.Heard?.Length ?? 0) > 20000)
            return Op.Invalid("Текст протокола слишком длинный: повестка — до 4000 знаков, «Решили» — до 8000, «Слушали» — до 20000.");
        if (input.Assignments.Any(x => (x.Text?.Length ?? 0) > 2000)) return Op.Invalid("Текст поручения — до 2000 знаков.");
        if (input.EventId is { } eventId && !await db.Events.AnyAsync(e => e.Id == eventId && e.AssociationId == a.Id, ct))
            return Op.Invalid("Мероприятие не найдено среди мероприятий объединения.");
        return null;
    }

    public async Task<Op> CloseAssignmentAsync(Protocol protocol, Guid assignmentId, DateOnly? doneOn, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.Association is not { } a || !await associations.CanManageAsync(a, ct)) return Op.Forbidden("Поручения закрывает руководитель или секретарь объединения.");
        var assignment = protocol.Assignments.FirstOrDefault(x => x.Id == assignmentId);
        if (assignment is null) return Op.NotFound("Поручение не найдено.");
        if (assignment.DoneOn is not null) return Op.Conflict("Поручение уже выполнено.");
        assignment.DoneOn = doneOn ?? associations.Today;
        assignment.DoneNote = Trim(note);
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    /// <summary>The open assignments of the associations the user sees, oldest deadline first.</summary>
    public async Task<IReadOnlyList<OpenAssignment>> OpenAsync(Guid? associationId, bool overdueOnly, CancellationToken ct = default)
    {
        var visible = (await associations.VisibleAsync(ct)).Select(a => a.Id);
        var today = associations.Today;
        var query = db.ProtocolAssignments.AsNoTracking().Where(x => x.DoneOn == null && visible.Contains(x.Protocol!.AssociationId));
        if (associationId is { } aid) query = query.Where(x => x.Protocol!.AssociationId == aid);
        if (overdueOnly) query = query.Where(x => x.Deadline != null && x.Deadline < today);
        var rows = await query.OrderBy(x => x.Deadline == null).ThenBy(x => x.Deadline).ThenBy(x => x.Protocol!.Date).ThenBy(x => x.Number).Take(1000)
            .Select(x => new
            {
                x.Id, x.ProtocolId, ProtocolNumber = x.Protocol!.Number, ProtocolDate = x.Protocol.Date, x.Protocol.AssociationId, Association = x.Protocol.Association!.Name,
                x.Number, x.Text, x.ResponsibleText, x.Deadline,
            }).ToListAsync(ct);
        return rows.Select(r => new OpenAssignment(r.Id, r.ProtocolId, r.ProtocolNumber, r.ProtocolDate, r.AssociationId, r.Association, r.Number, r.Text,
            r.ResponsibleText, r.Deadline, r.Deadline is { } d && d < today)).ToList();
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
