using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics;

/// <summary>A campaign in a list: its cohort in words, dates and how many of the cohort have taken the diagnostic.</summary>
public sealed record CampaignRow(
    Guid Id, string Title, Guid DiagnosticId, string DiagnosticTitle, string Cohort, DateOnly StartsOn, DateOnly Deadline, int CohortCount, int TakenCount)
{
    public CampaignStatus StatusOn(DateOnly today) => Campaigns.Status(StartsOn, Deadline, today, CohortCount, TakenCount);
}

public enum CampaignStatus
{
    NotStarted,
    Running,
    Overdue,
    Completed,
}

/// <summary>An open campaign that includes a teacher, as the teacher sees it.</summary>
public sealed record TeacherCampaign(
    Guid Id, string Title, Guid DiagnosticId, string DiagnosticTitle, bool IsOnlineTest, DateOnly StartsOn, DateOnly Deadline, bool Taken)
{
    /// <summary>Where the «Пройти» button leads, when the teacher can take the test in the browser and has not yet.</summary>
    public string? TakeUrl => IsOnlineTest && !Taken ? $"/Diagnostics/Take/Start?diagnosticId={DiagnosticId}&campaignId={Id}" : null;
}

/// <summary>One member of a campaign's cohort whose name the viewer may see.</summary>
public sealed record CampaignPerson(Guid Id, string FullName, string? Organization, string? Municipality, string? Position, DateOnly? TakenOn);

/// <summary>Counts of a campaign: the whole cohort, and the part whose names the viewer may see.</summary>
public sealed record CampaignProgress(int CohortCount, int TakenCount, int VisibleCohortCount, int VisibleTakenCount);

/// <summary>What the create form of a campaign sends.</summary>
public sealed class CampaignForm
{
    public string? Title { get; set; }
    public Guid? DiagnosticId { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? Deadline { get; set; }
    public Guid? RegionId { get; set; }
    public Guid? DistrictId { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? SubjectId { get; set; }
    public Guid? PositionId { get; set; }
}

/// <summary>
/// Diagnostic campaigns: who a campaign is addressed to (the teachers with a place of work that matches every filter of
/// the cohort), who has taken it (a result of the diagnostic dated within the campaign, or one taken from it), and which
/// campaigns a methodist sees and may create.
/// </summary>
public sealed class Campaigns(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static CampaignStatus Status(DateOnly startsOn, DateOnly deadline, DateOnly today, int cohort, int taken) =>
        today < startsOn ? CampaignStatus.NotStarted
        : taken >= cohort && cohort > 0 ? CampaignStatus.Completed
        : today > deadline ? CampaignStatus.Overdue
        : CampaignStatus.Running;

    /// <summary>
    /// The places of work that put a person into the campaign's cohort. The territory is matched on the municipality
    /// copied into each place of work, without joining organizations and municipalities (three times faster on SQLite
    /// at 100,000 teachers); a campaign's narrower territory lies inside its wider one (<see cref="CreateAsync"/> sees to that).
    /// </summary>
    public IQueryable<Employment> CohortEmployments(DiagnosticCampaign campaign)
    {
        var query = db.Employments.AsQueryable();
        if (campaign.OrganizationId is { } organizationId) query = query.Where(e => e.OrganizationId == organizationId);
        else if (campaign.MunicipalityId is { } municipalityId) query = query.Where(e => e.MunicipalityId == municipalityId);
        else if (campaign.DistrictId is { } districtId)
            query = query.Where(e => db.Municipalities.Where(m => m.DistrictId == districtId).Select(m => m.Id).Contains(e.MunicipalityId));
        else
        {
            var regionId = campaign.RegionId;
            query = query.Where(e => db.Municipalities.Where(m => m.RegionId == regionId).Select(m => m.Id).Contains(e.MunicipalityId));
        }
        if (campaign.PositionId is { } positionId) query = query.Where(e => e.PositionId == positionId);
        if (campaign.SubjectId is { } subjectId) query = query.Where(e => e.Subjects.Any(s => s.SubjectId == subjectId));
        return query;
    }

    /// <summary>How many teachers the cohort has and how many of them have taken the diagnostic, counted on places of work and results alone.</summary>
    public async Task<(int Cohort, int Taken)> CountAsync(DiagnosticCampaign campaign, CancellationToken ct = default)
    {
        var members = CohortEmployments(campaign).Select(e => e.PersonId);
        var cohort = await members.Distinct().CountAsync(ct);
        var taken = cohort == 0 ? 0 : await Results(campaign).Select(r => r.PersonId).Where(id => members.Contains(id)).Distinct().CountAsync(ct);
        return (cohort, taken);
    }

    /// <summary>The results that count as taking the campaign's diagnostic.</summary>
    public IQueryable<DiagnosticResult> Results(DiagnosticCampaign campaign)
    {
        var (id, diagnosticId, startsOn, deadline) = (campaign.Id, campaign.DiagnosticId, campaign.StartsOn, campaign.Deadline);
        return db.DiagnosticResults.Where(r => r.DiagnosticId == diagnosticId && (r.CampaignId == id || (r.TakenOn >= startsOn && r.TakenOn <= deadline)));
    }

    public Task<bool> IncludesAsync(DiagnosticCampaign campaign, Guid personId, CancellationToken ct = default) =>
        CohortEmployments(campaign).AnyAsync(e => e.PersonId == personId, ct);

    /// <summary>
    /// The campaigns whose cohort reaches into the user's scope: a region administrator sees the region's, a municipal
    /// methodist those addressed to the region, their district, municipality or one of its organizations, a school
    /// methodist those that include their organization. Teachers and other roles see none here.
    /// </summary>
    public async Task<IQueryable<DiagnosticCampaign>> VisibleAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!scope.IsMethodist) return db.DiagnosticCampaigns.Where(_ => false);
        var organizations = scope.OrganizationIds;
        var municipalities = scope.MunicipalityIds;
        var covered = await db.Municipalities.AsNoTracking()
            .Where(m => municipalities.Contains(m.Id) || db.Organizations.Any(o => o.MunicipalityId == m.Id && organizations.Contains(o.Id)))
            .Select(m => new { m.Id, m.RegionId, m.DistrictId }).ToListAsync(ct);
        var coveredIds = covered.Select(m => m.Id).ToArray();
        var regions = covered.Select(m => m.RegionId).Concat(scope.RegionIds).Distinct().ToArray();
        var districts = covered.Where(m => m.DistrictId != null).Select(m => m.DistrictId!.Value).Distinct().ToArray();
        return db.DiagnosticCampaigns.Where(c => regions.Contains(c.RegionId)
            && (c.DistrictId == null || districts.Contains(c.DistrictId.Value))
            && (c.MunicipalityId == null || coveredIds.Contains(c.MunicipalityId.Value))
            && (c.OrganizationId == null || organizations.Contains(c.OrganizationId.Value)
                || db.Organizations.Any(o => o.Id == c.OrganizationId && municipalities.Contains(o.MunicipalityId))));
    }

    public async Task<DiagnosticCampaign?> FindAsync(UserScope scope, Guid id, CancellationToken ct = default) =>
        await (await VisibleAsync(scope, ct)).AsNoTracking().Include(c => c.Diagnostic).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>A page of the visible campaigns, latest deadline first, with their progress over the whole cohort.</summary>
    public async Task<Page<CampaignRow>> PageAsync(UserScope scope, int page, int pageSize, CancellationToken ct = default)
    {
        var visible = (await VisibleAsync(scope, ct)).AsNoTracking();
        var total = await visible.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var campaigns = await visible.Include(c => c.Diagnostic).OrderByDescending(c => c.Deadline).ThenBy(c => c.Title)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var cohorts = await DescribeAsync(campaigns, ct);
        var rows = new List<CampaignRow>();
        foreach (var c in campaigns)
        {
            var (cohort, taken) = await CountAsync(c, ct);
            rows.Add(new CampaignRow(c.Id, c.Title, c.DiagnosticId, c.Diagnostic!.Title, cohorts[c.Id], c.StartsOn, c.Deadline, cohort, taken));
        }
        return new Page<CampaignRow>(rows, total, page, pageSize);
    }

    public async Task<CampaignProgress> ProgressAsync(DiagnosticCampaign campaign, UserScope scope, CancellationToken ct = default)
    {
        var (cohort, taken) = await CountAsync(campaign, ct);
        if (scope.SeesEveryone) return new CampaignProgress(cohort, taken, cohort, taken);
        var many = cohort > ManyPeople;
        var visible = scope.PrivatePersons(Members(db.Persons, campaign, many));
        return new CampaignProgress(cohort, taken, await visible.CountAsync(ct), await Takers(visible, campaign, true, many).CountAsync(ct));
    }

    /// <summary>Above this many people, membership of the cohort is tested person by person (see <see cref="Members"/>).</summary>
    public const int ManyPeople = 5000;

    /// <summary>
    /// The people of <paramref name="source"/> in the campaign's cohort. With <paramref name="many"/> membership is tested
    /// person by person (EXISTS), which lets the database walk an index of people and stop early, instead of first reading
    /// every member (IN), which is quicker for a cohort of one school.
    /// </summary>
    internal IQueryable<Person> Members(IQueryable<Person> source, DiagnosticCampaign campaign, bool many)
    {
        var employments = CohortEmployments(campaign);
        if (many) return source.Where(p => employments.Any(e => e.PersonId == p.Id));
        var members = employments.Select(e => e.PersonId);
        return source.Where(p => members.Contains(p.Id));
    }

    /// <summary>The people of <paramref name="source"/> who have (or have not) taken the campaign's diagnostic; <paramref name="many"/> as in <see cref="Members"/>.</summary>
    internal IQueryable<Person> Takers(IQueryable<Person> source, DiagnosticCampaign campaign, bool taken, bool many)
    {
        var results = Results(campaign);
        if (many) return taken ? source.Where(p => results.Any(r => r.PersonId == p.Id)) : source.Where(p => !results.Any(r => r.PersonId == p.Id));
        var takers = results.Select(r => r.PersonId);
        return taken ? source.Where(p => takers.Contains(p.Id)) : source.Where(p => !takers.Contains(p.Id));
    }

    /// <summary>
    /// The members of the cohort who have (or have not) taken the diagnostic, by name — only those whose private records the
    /// viewer may open (<see cref="UserScope.PrivatePersons"/>); the rest are counted in <see cref="ProgressAsync"/>. With
    /// <paramref name="many"/> (more than <see cref="ManyPeople"/> to list) a page is found by walking the name index.
    /// </summary>
    public IQueryable<CampaignPerson> People(DiagnosticCampaign campaign, UserScope scope, bool taken, bool many = false)
    {
        var results = Results(campaign);
        var employments = CohortEmployments(campaign);
        var people = Takers(scope.PrivatePersons(Members(db.Persons, campaign, many)), campaign, taken, many);
        return people.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.MiddleName)
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.MiddleName,
                Employment = employments.Where(e => e.PersonId == p.Id).OrderByDescending(e => e.IsMain)
                    .Select(e => new { Organization = e.Organization!.ShortName, Municipality = e.Organization.Municipality!.Name, Position = e.Position!.Name })
                    .FirstOrDefault(),
                TakenOn = taken ? results.Where(r => r.PersonId == p.Id).Max(r => (DateOnly?)r.TakenOn) : null,
            })
            .Select(p => new CampaignPerson(p.Id,
                p.MiddleName == null || p.MiddleName == "" ? p.LastName + " " + p.FirstName : p.LastName + " " + p.FirstName + " " + p.MiddleName,
                p.Employment!.Organization, p.Employment.Municipality, p.Employment.Position, p.TakenOn));
    }

    /// <summary>The open campaigns (started, deadline not passed) that include a teacher, soonest deadline first, with whether they have taken it.</summary>
    public async Task<IReadOnlyList<TeacherCampaign>> ForTeacherAsync(Guid personId, CancellationToken ct = default)
    {
        var today = Today;
        var regions = await db.Employments.Where(e => e.PersonId == personId).Select(e => e.Organization!.Municipality!.RegionId).Distinct().ToListAsync(ct);
        var open = await db.DiagnosticCampaigns.AsNoTracking().Include(c => c.Diagnostic)
            .Where(c => regions.Contains(c.RegionId) && c.StartsOn <= today && c.Deadline >= today)
            .OrderBy(c => c.Deadline).ThenBy(c => c.Title).ToListAsync(ct);
        var mine = new List<TeacherCampaign>();
        foreach (var c in open)
        {
            if (!await IncludesAsync(c, personId, ct)) continue;
            var taken = await Results(c).AnyAsync(r => r.PersonId == personId, ct);
            mine.Add(new TeacherCampaign(c.Id, c.Title, c.DiagnosticId, c.Diagnostic!.Title, c.Diagnostic.Kind == DiagnosticKind.OnlineTest, c.StartsOn, c.Deadline, taken));
        }
        return mine;
    }

    /// <summary>Checks the form, resolves the territory of the cohort and saves the campaign when everything is in order and inside the scope.</summary>
    public async Task<(DiagnosticCampaign? Campaign, Dictionary<string, string> Errors)> CreateAsync(UserScope scope, CampaignForm form, string userName, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (!scope.IsMethodist)
        {
            errors[""] = "Создавать кампании могут методисты и администратор региона.";
            return (null, errors);
        }
        var diagnostic = form.DiagnosticId is { } diagnosticId
            ? await db.Diagnostics.AsNoTracking().FirstOrDefaultAsync(d => d.Id == diagnosticId && d.IsPublished, ct)
            : null;
        if (diagnostic is null) errors[nameof(form.DiagnosticId)] = "Выберите опубликованную диагностику.";
        var title = form.Title?.Trim();
        if (title?.Length > 300) errors[nameof(form.Title)] = "Название — не длиннее 300 символов.";
        if (form.StartsOn is null) errors[nameof(form.StartsOn)] = "Укажите дату начала.";
        if (form.Deadline is null) errors[nameof(form.Deadline)] = "Укажите срок прохождения.";
        else if (form.StartsOn is { } starts && form.Deadline < starts) errors[nameof(form.Deadline)] = "Срок прохождения не может быть раньше даты начала.";
        var regionId = await ResolveTerritoryAsync(scope, form, errors, ct);
        if (form.SubjectId is { } subjectId && !await db.Subjects.AnyAsync(s => s.Id == subjectId, ct))
            errors[nameof(form.SubjectId)] = "Предмет не найден в справочнике.";
        if (form.PositionId is { } positionId && !await db.Positions.AnyAsync(p => p.Id == positionId, ct))
            errors[nameof(form.PositionId)] = "Должность не найдена в справочнике.";
        if (errors.Count > 0 || regionId is null || diagnostic is null) return (null, errors);

        var campaign = new DiagnosticCampaign
        {
            DiagnosticId = diagnostic.Id,
            Title = string.IsNullOrEmpty(title) ? diagnostic.Title : title,
            StartsOn = form.StartsOn!.Value,
            Deadline = form.Deadline!.Value,
            RegionId = regionId.Value,
            DistrictId = form.DistrictId,
            MunicipalityId = form.MunicipalityId,
            OrganizationId = form.OrganizationId,
            SubjectId = form.SubjectId,
            PositionId = form.PositionId,
            CreatedBy = userName,
        };
        db.DiagnosticCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return (campaign, errors);
    }

    /// <summary>
    /// Fills in the wider territory from the narrowest one chosen (organization → municipality → district → region), checks
    /// that the choices agree, and that the cohort lies inside the scope: a region administrator may address their region
    /// or any part of it, a municipal methodist only their municipality or its organizations, a school methodist their organization.
    /// </summary>
    private async Task<Guid?> ResolveTerritoryAsync(UserScope scope, CampaignForm form, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (form.OrganizationId is { } organizationId)
        {
            var municipalityId = await db.Organizations.Where(o => o.Id == organizationId).Select(o => (Guid?)o.MunicipalityId).FirstOrDefaultAsync(ct);
            if (municipalityId is null)
            {
                errors[nameof(form.OrganizationId)] = "Организация не найдена.";
                return null;
            }
            if (form.MunicipalityId is { } chosen && chosen != municipalityId)
            {
                errors[nameof(form.OrganizationId)] = "Организация не относится к выбранному муниципалитету.";
                return null;
            }
            form.MunicipalityId = municipalityId;
        }
        if (form.MunicipalityId is { } mid)
        {
            var municipality = await db.Municipalities.Where(m => m.Id == mid).Select(m => new { m.RegionId, m.DistrictId }).FirstOrDefaultAsync(ct);
            if (municipality is null)
            {
                errors[nameof(form.MunicipalityId)] = "Муниципалитет не найден.";
                return null;
            }
            if (form.DistrictId is { } chosen && chosen != municipality.DistrictId)
            {
                errors[nameof(form.MunicipalityId)] = "Муниципалитет не входит в выбранный округ.";
                return null;
            }
            form.RegionId = municipality.RegionId;
        }
        else if (form.DistrictId is { } districtId)
        {
            var regionOfDistrict = await db.Districts.Where(d => d.Id == districtId).Select(d => (Guid?)d.RegionId).FirstOrDefaultAsync(ct);
            if (regionOfDistrict is null)
            {
                errors[nameof(form.DistrictId)] = "Округ не найден.";
                return null;
            }
            form.RegionId = regionOfDistrict;
        }
        else if (form.RegionId is null && scope.RegionIds.Length == 1)
        {
            form.RegionId = scope.RegionIds[0];
        }

        var inScope = (form.RegionId is { } regionId && scope.RegionIds.Contains(regionId))
                      || (form.OrganizationId is { } org && scope.OrganizationIds.Contains(org))
                      || (form.MunicipalityId is { } mun && scope.MunicipalityIds.Contains(mun));
        if (inScope) return form.RegionId;
        errors[scope.MunicipalityIds.Length > 0 ? nameof(form.MunicipalityId) : nameof(form.OrganizationId)] = scope.MunicipalityIds.Length > 0
            ? "Выберите ваш муниципалитет или одну из его организаций: кампания может охватывать только педагогов вашей области видимости."
            : "Выберите вашу организацию: кампания может охватывать только педагогов вашей области видимости.";
        return null;
    }

    /// <summary>The cohorts of campaigns in words: «Северск · МБОУ СШ № 1 · должность: учитель · предмет: математика».</summary>
    public async Task<Dictionary<Guid, string>> DescribeAsync(IReadOnlyCollection<DiagnosticCampaign> campaigns, CancellationToken ct = default)
    {
        static Guid[] Ids(IEnumerable<Guid?> ids) => ids.Where(i => i != null).Select(i => i!.Value).Distinct().ToArray();
        var regionIds = Ids(campaigns.Select(c => (Guid?)c.RegionId));
        var districtIds = Ids(campaigns.Select(c => c.DistrictId));
        var municipalityIds = Ids(campaigns.Select(c => c.MunicipalityId));
        var organizationIds = Ids(campaigns.Select(c => c.OrganizationId));
        var positionIds = Ids(campaigns.Select(c => c.PositionId));
        var subjectIds = Ids(campaigns.Select(c => c.SubjectId));
        var regions = await db.Regions.Where(x => regionIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var districts = await db.Districts.Where(x => districtIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var municipalities = await db.Municipalities.Where(x => municipalityIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var organizations = await db.Organizations.Where(x => organizationIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.ShortName, ct);
        var positions = await db.Positions.Where(x => positionIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var subjects = await db.Subjects.Where(x => subjectIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        static string? Of(Dictionary<Guid, string> names, Guid? id) => id is { } value && names.TryGetValue(value, out var name) ? name : null;
        return campaigns.ToDictionary(c => c.Id, c =>
        {
            var parts = new List<string?>
            {
                c.OrganizationId is null && c.MunicipalityId is null && c.DistrictId is null ? Of(regions, c.RegionId) : null,
                c.MunicipalityId is null ? Of(districts, c.DistrictId) : null,
                c.OrganizationId is null ? Of(municipalities, c.MunicipalityId) : null,
                Of(organizations, c.OrganizationId),
                Of(positions, c.PositionId) is { } position ? "должность: " + position.ToLowerInvariant() : null,
                Of(subjects, c.SubjectId) is { } subject ? "предмет: " + subject.ToLowerInvariant() : null,
            };
            return string.Join(" · ", parts.Where(p => p is not null));
        });
    }
}
