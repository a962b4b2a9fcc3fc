using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>The passport of a programme as the form sends it (seed 000's rows).</summary>
public sealed class PassportInput
{
    public string? Name { get; set; }
    public string? BasisDocuments { get; set; }
    public string? TargetAudience { get; set; }
    public string? Customer { get; set; }
    public string? Developers { get; set; }
    public string? Goal { get; set; }
    public string? Tasks { get; set; }
    public string? ExpectedResults { get; set; }
    public string? Period { get; set; }
    public string? FormsOfWork { get; set; }
    public string? ExplanatoryNote { get; set; }

    public static PassportInput From(Programme p) => new()
    {
        Name = p.Name, BasisDocuments = p.BasisDocuments, TargetAudience = p.TargetAudience, Customer = p.Customer, Developers = p.Developers, Goal = p.Goal,
        Tasks = p.Tasks, ExpectedResults = p.ExpectedResults, Period = p.Period, FormsOfWork = p.FormsOfWork, ExplanatoryNote = p.ExplanatoryNote,
    };
}

public sealed record NewStage(string? Name, string? Dates, string? Tasks, string? Means, string? ExpectedResult);

/// <summary>
/// Programmes of activity of an association or of a municipal service: the passport, the stages of the mechanism and the
/// list of sources. The association's managers keep its programme; the service's methodists (or the region) keep the service's.
/// </summary>
public sealed class ProgrammeService(AppDbContext db, AssociationService associations)
{
    /// <summary>The owner of a programme: an association, or the municipal service of a municipality.</summary>
    public sealed record Owner(Association? Association, Guid? MunicipalityId, string Name);

    public async Task<Owner?> AssociationOwnerAsync(Guid associationId, CancellationToken ct = default) =>
        await associations.FindAsync(associationId, ct) is { } a ? new Owner(a, a.MunicipalityId, a.Name) : null;

    public async Task<Owner?> ServiceOwnerAsync(Guid municipalityId, CancellationToken ct = default)
    {
        var scope = await associations.ScopeAsync(ct);
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == municipalityId, ct);
        if (m is null || scope.UserId is null) return null;
        var service = await db.Organizations.AsNoTracking().Where(o => o.MunicipalityId == municipalityId && o.Kind == Registry.OrganizationKind.MunicipalService)
            .Select(o => o.ShortName).FirstOrDefaultAsync(ct);
        return new Owner(null, municipalityId, service ?? $"Муниципальная методическая служба ({m.Name})");
    }

    public async Task<bool> CanManageAsync(Owner owner, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.Association is { } a) return await associations.CanManageAsync(a, ct);
        var scope = await associations.ScopeAsync(ct);
        if (scope.SeesEveryone) return true;
        var region = await db.Municipalities.Where(m => m.Id == owner.MunicipalityId).Select(m => m.RegionId).FirstOrDefaultAsync(ct);
        return scope.RegionIds.Contains(region) || scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == owner.MunicipalityId);
    }

    public async Task<Programme?> FindAsync(Owner owner, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var query = db.Programmes.Include(p => p.Stages).Include(p => p.Sources).AsSplitQuery();
        return owner.Association is { } a
            ? await query.FirstOrDefaultAsync(p => p.AssociationId == a.Id, ct)
            : await query.FirstOrDefaultAsync(p => p.AssociationId == null && p.MunicipalityId == owner.MunicipalityId, ct);
    }

    private async Task<(Op Op, Programme? Programme)> EditableAsync(Owner owner, bool create, CancellationToken ct)
    {
        if (!await CanManageAsync(owner, ct)) return (Op.Forbidden("Программу ведёт руководитель объединения или методист, который его ведёт."), null);
        var programme = await FindAsync(owner, ct);
        if (programme is null && create)
        {
            programme = new Programme { AssociationId = owner.Association?.Id, MunicipalityId = owner.MunicipalityId, Name = $"Программа деятельности: {owner.Name}" };
            db.Programmes.Add(programme);
        }
        return programme is null ? (Op.NotFound("Программа ещё не составлена: сначала заполните паспорт."), null) : (Op.Ok, programme);
    }

    public async Task<Op> SavePassportAsync(Owner owner, PassportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Name)) return Op.Invalid("Укажите наименование программы.");
        if (input.Name.Trim().Length > 1000) return Op.Invalid("Наименование программы — не длиннее 1000 знаков.");
        var (op, p) = await EditableAsync(owner, create: true, ct);
        if (p is null) return op;
        p.Name = input.Name.Trim();
        p.BasisDocuments = Trim(input.BasisDocuments);
        p.TargetAudience = Trim(input.TargetAudience);
        p.Customer = Trim(input.Customer);
        p.Developers = Trim(input.Developers);
        p.Goal = Trim(input.Goal);
        p.Tasks = Trim(input.Tasks);
        p.ExpectedResults = Trim(input.ExpectedResults);
        p.Period = Trim(input.Period);
        p.FormsOfWork = Trim(input.FormsOfWork);
        p.ExplanatoryNote = Trim(input.ExplanatoryNote);
        p.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    public async Task<Op> AddStageAsync(Owner owner, NewStage stage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (string.IsNullOrWhiteSpace(stage.Name)) return Op.Invalid("Укажите наименование этапа.");
        var (op, p) = await EditableAsync(owner, create: false, ct);
        if (p is null) return op;
        var row = new ProgrammeStage
        {
            ProgrammeId = p.Id, Number = p.Stages.Count + 1, Name = stage.Name.Trim(), Dates = Trim(stage.Dates), Tasks = Trim(stage.Tasks), Means = Trim(stage.Means),
            ExpectedResult = Trim(stage.ExpectedResult),
        };
        p.Stages.Add(row);
        db.Add(row);
        p.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    public async Task<Op> AddSourceAsync(Owner owner, string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return Op.Invalid("Впишите источник: название документа, книги или адрес ресурса.");
        var (op, p) = await EditableAsync(owner, create: false, ct);
        if (p is null) return op;
        var row = new ProgrammeSource { ProgrammeId = p.Id, Number = p.Sources.Count + 1, Text = text.Trim() };
        p.Sources.Add(row);
        db.Add(row);
        p.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    /// <summary>Removes a stage or a source and renumbers the rest.</summary>
    public async Task<Op> RemoveAsync(Owner owner, Guid rowId, CancellationToken ct = default)
    {
        var (op, p) = await EditableAsync(owner, create: false, ct);
        if (p is null) return op;
        if (p.Stages.FirstOrDefault(s => s.Id == rowId) is { } stage)
        {
            p.Stages.Remove(stage);
            db.Remove(stage);
            var n = 0;
            foreach (var s in p.Stages.OrderBy(s => s.Number)) s.Number = ++n;
        }
        else if (p.Sources.FirstOrDefault(s => s.Id == rowId) is { } source)
        {
            p.Sources.Remove(source);
            db.Remove(source);
            var n = 0;
            foreach (var s in p.Sources.OrderBy(s => s.Number)) s.Number = ++n;
        }
        else return Op.NotFound("Строка программы не найдена.");
        p.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    public async Task<Op> PublishAsync(Owner owner, bool published, CancellationToken ct = default)
    {
        var (op, p) = await EditableAsync(owner, create: false, ct);
        if (p is null) return op;
        p.IsPublished = published;
        p.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
