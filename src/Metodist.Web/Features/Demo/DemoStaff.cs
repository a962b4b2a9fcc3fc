using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Demo;

/// <summary>Someone who acts in the demo's workflows: the name shown in histories and, for a demo account, its user id.</summary>
internal sealed record DemoActor(string Name, Guid? UserId);

/// <summary>
/// The demo region looked up the way its workflows need it: each person's main job, who speaks for an organization
/// (its deputy head), for a municipality (a methodist of its service) and for the ЦНППМ (its director, deputies and
/// the <c>admin</c> account), and which people are demo accounts.
/// </summary>
internal sealed class DemoStaff
{
    public const string AdminName = "Администратор региона";

    private static readonly Dictionary<Guid, string> PositionNames = RegistryTitles.DefaultPositions.ToDictionary(p => p.Id, p => p.Name);
    private static readonly Dictionary<Guid, string> SubjectNames = RegistryTitles.DefaultSubjects.ToDictionary(s => s.Id, s => s.Name);

    private readonly Dictionary<Guid, Organization> _organizations;
    private readonly Dictionary<Guid, Municipality> _municipalities;
    private readonly Dictionary<Guid, (int Rank, DemoActor Actor)> _schoolMethodists = [];
    private readonly Dictionary<Guid, DemoActor> _municipalMethodists = [];
    private readonly Dictionary<Guid, Organization> _services;
    private readonly Dictionary<Guid, Guid> _accounts = [];
    private readonly DemoActor[] _centre;

    public DemoStaff(DemoData data, bool withAccounts)
    {
        Data = data;
        _organizations = data.Organizations.ToDictionary(o => o.Id);
        _municipalities = data.Municipalities.ToDictionary(m => m.Id);
        _services = data.Organizations.Where(o => o.Kind == OrganizationKind.MunicipalService).ToDictionary(o => o.MunicipalityId);
        var cast = data.Cast;
        if (withAccounts)
        {
            _accounts[cast.MunicipalMethodist.Id] = DemoIds.Account("mmc");
            _accounts[cast.SchoolMethodist.Id] = DemoIds.Account("school");
            _accounts[cast.AssociationLead.Id] = DemoIds.Account("lead");
            _accounts[cast.Tutor.Id] = DemoIds.Account("tutor");
            _accounts[cast.Mentor.Id] = DemoIds.Account("mentor");
            _accounts[cast.YoungTeacher.Id] = DemoIds.Account("teacher");
        }
        Admin = new DemoActor(AdminName, withAccounts ? DemoIds.Account(DemoRegion.AdminLogin) : null);

        // Deputy heads speak for schools; in a kindergarten the senior educator, failing that the head.
        string[] speakers = ["Заместитель директора", "Старший воспитатель", "Заведующий", "Директор"];
        foreach (var person in data.Persons)
        {
            var job = MainJob(person);
            var position = PositionNames[job.PositionId];
            var organization = _organizations[job.OrganizationId];
            if (organization.Kind == OrganizationKind.MunicipalService && position == "Методист")
                _municipalMethodists.TryAdd(organization.MunicipalityId, Of(person));
            var rank = Array.IndexOf(speakers, position);
            if (rank < 0) continue;
            if (!_schoolMethodists.TryGetValue(organization.Id, out var current) || rank < current.Rank) _schoolMethodists[organization.Id] = (rank, Of(person));
        }
        _schoolMethodists[cast.School.Id] = (0, Of(cast.SchoolMethodist));
        _municipalMethodists[cast.Municipality.Id] = Of(cast.MunicipalMethodist);

        var centre = data.Organizations.Single(o => o.Kind == OrganizationKind.RegionalCentre);
        _centre = data.Persons.Where(p => MainJob(p).OrganizationId == centre.Id && PositionNames[MainJob(p).PositionId] is "Директор" or "Заместитель директора")
            .Select(Of).ToArray();
    }

    public DemoData Data { get; }
    public DemoActor Admin { get; }

    public static Employment MainJob(Person person) => person.Employments[0];

    public Organization Organization(Guid id) => _organizations[id];

    public Municipality Municipality(Guid id) => _municipalities[id];

    /// <summary>The methodological service of a municipality.</summary>
    public Organization MunicipalService(Guid municipalityId) => _services[municipalityId];

    public static string PositionName(Guid id) => PositionNames[id];

    public static string SubjectName(Guid id) => SubjectNames[id];

    public DemoActor Of(Person person) => new(person.FullName, _accounts.TryGetValue(person.Id, out var user) ? user : null);

    /// <summary>The deputy head (or head) who agrees routes and enrols teachers for the organization.</summary>
    public DemoActor SchoolMethodist(Guid organizationId) =>
        _schoolMethodists.TryGetValue(organizationId, out var speaker) ? speaker.Actor : MunicipalMethodist(_organizations[organizationId].MunicipalityId);

    public DemoActor MunicipalMethodist(Guid municipalityId) => _municipalMethodists.TryGetValue(municipalityId, out var actor) ? actor : Admin;

    /// <summary>Who approves a route for the ЦНППМ: mostly its director or a deputy, sometimes the administrator's account.</summary>
    public DemoActor Approver(Random rng) => rng.Chance(0.3) ? Admin : rng.Pick(_centre);
}
