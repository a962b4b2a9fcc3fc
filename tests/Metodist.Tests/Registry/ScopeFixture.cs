using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Registry;

/// <summary>
/// A region with two municipalities (North with two schools, South with one), a second region with its own school,
/// a person with no employment, and one account per role. Read-only for the tests that share it.
/// </summary>
public sealed class ScopeFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public Organization NorthSecondSchool { get; private set; } = null!;
    public Region OtherRegion { get; private set; } = null!;
    public Municipality OtherMunicipality { get; private set; } = null!;
    public Organization OtherSchool { get; private set; } = null!;

    /// <summary>Every person by surname.</summary>
    public Dictionary<string, Person> People { get; } = [];

    /// <summary>Login of the account that holds each role.</summary>
    public Dictionary<AppRole, string> Logins { get; } = [];

    /// <summary>What each role must see, by surname.</summary>
    public Dictionary<AppRole, string[]> Visible { get; } = [];

    /// <summary>For each role, a municipality that lies outside its scope.</summary>
    public Dictionary<AppRole, Guid> ForeignMunicipality { get; } = [];

    /// <summary>For each role, the organizations it may list.</summary>
    public Dictionary<AppRole, Guid[]> VisibleOrganizations { get; } = [];

    public static IEnumerable<object[]> Roles => Enum.GetValues<AppRole>().Select(r => new object[] { r });

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Tokens = new ApiTokens(App);
        Data = await TestData.CreateAsync(App);
        await using (var scope = App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            NorthSecondSchool = new Organization { FullName = "МБОУ «Гимназия № 3»", ShortName = "Гимназия № 3 (Северск)", Kind = OrganizationKind.School, MunicipalityId = Data.North.Id, Inn = "2901000003" };
            OtherRegion = new Region { Name = "Соседняя область", Code = "98" };
            OtherMunicipality = new Municipality { Name = "Заречье", RegionId = OtherRegion.Id };
            OtherSchool = new Organization { FullName = "МБОУ «Школа № 7»", ShortName = "Школа № 7 (Заречье)", Kind = OrganizationKind.School, MunicipalityId = OtherMunicipality.Id, Inn = "3501000007" };
            var unemployed = new Person { LastName = "Безработнова", FirstName = "Ольга", BirthDate = new DateOnly(1970, 1, 1) };
            db.AddRange(NorthSecondSchool, OtherRegion, OtherMunicipality, OtherSchool, unemployed);
            await db.SaveChangesAsync();
            People[unemployed.LastName] = unemployed;
        }

        async Task Teacher(Organization organization, string lastName) => People[lastName] = await Data.AddTeacherAsync(organization, lastName);
        await Teacher(Data.NorthSchool, "Северова");
        await Teacher(NorthSecondSchool, "Третьякова");
        await Teacher(Data.SouthSchool, "Южина");
        await Teacher(OtherSchool, "Чужакова");
        await Teacher(Data.NorthSchool, "Учителева");
        await Teacher(Data.SouthSchool, "Тьюторова");
        await Teacher(Data.NorthSchool, "Наставникова");
        await Teacher(NorthSecondSchool, "Руководителева");

        Logins[AppRole.RegionAdmin] = await Data.AddUserAsync("region-admin", null, (AppRole.RegionAdmin, Data.Region.Id));
        Logins[AppRole.MunicipalMethodist] = await Data.AddUserAsync("north-methodist", null, (AppRole.MunicipalMethodist, Data.North.Id));
        Logins[AppRole.SchoolMethodist] = await Data.AddUserAsync("school-methodist", null, (AppRole.SchoolMethodist, Data.NorthSchool.Id));
        Logins[AppRole.AssociationLead] = await Data.AddUserAsync("association-lead", People["Руководителева"].Id, (AppRole.AssociationLead, Guid.NewGuid()));
        Logins[AppRole.Tutor] = await Data.AddUserAsync("tutor", People["Тьюторова"].Id, (AppRole.Tutor, People["Тьюторова"].Id));
        Logins[AppRole.Mentor] = await Data.AddUserAsync("mentor", People["Наставникова"].Id, (AppRole.Mentor, People["Наставникова"].Id));
        Logins[AppRole.Teacher] = await Data.AddUserAsync("teacher", People["Учителева"].Id, (AppRole.Teacher, People["Учителева"].Id));

        Visible[AppRole.RegionAdmin] = ["Безработнова", "Наставникова", "Руководителева", "Северова", "Третьякова", "Тьюторова", "Учителева", "Южина"];
        Visible[AppRole.MunicipalMethodist] = ["Наставникова", "Руководителева", "Северова", "Третьякова", "Учителева"];
        Visible[AppRole.SchoolMethodist] = ["Наставникова", "Северова", "Учителева"];
        Visible[AppRole.AssociationLead] = ["Руководителева"];
        Visible[AppRole.Tutor] = ["Тьюторова"];
        Visible[AppRole.Mentor] = ["Наставникова"];
        Visible[AppRole.Teacher] = ["Учителева"];

        ForeignMunicipality[AppRole.RegionAdmin] = OtherMunicipality.Id;
        ForeignMunicipality[AppRole.MunicipalMethodist] = Data.South.Id;
        ForeignMunicipality[AppRole.SchoolMethodist] = Data.South.Id;
        ForeignMunicipality[AppRole.AssociationLead] = Data.South.Id;
        ForeignMunicipality[AppRole.Tutor] = Data.North.Id;
        ForeignMunicipality[AppRole.Mentor] = Data.South.Id;
        ForeignMunicipality[AppRole.Teacher] = Data.South.Id;

        VisibleOrganizations[AppRole.RegionAdmin] = [Data.NorthSchool.Id, NorthSecondSchool.Id, Data.SouthSchool.Id];
        VisibleOrganizations[AppRole.MunicipalMethodist] = [Data.NorthSchool.Id, NorthSecondSchool.Id];
        VisibleOrganizations[AppRole.SchoolMethodist] = [Data.NorthSchool.Id];
        VisibleOrganizations[AppRole.AssociationLead] = [NorthSecondSchool.Id];
        VisibleOrganizations[AppRole.Tutor] = [Data.SouthSchool.Id];
        VisibleOrganizations[AppRole.Mentor] = [Data.NorthSchool.Id];
        VisibleOrganizations[AppRole.Teacher] = [Data.NorthSchool.Id];
    }

    /// <summary>A bearer client for the account, its token kept between tests.</summary>
    public Task<HttpClient> ClientAsync(string login) => Tokens.ClientAsync(login);

    private ApiTokens Tokens { get; set; } = null!;

    private readonly Dictionary<string, BrowserSession> _sessions = [];

    /// <summary>A signed-in browser session for the account, kept between the tests of a class (they run one at a time).</summary>
    public async Task<BrowserSession> SessionAsync(string login)
    {
        if (!_sessions.TryGetValue(login, out var session)) _sessions[login] = session = await BrowserSession.SignedInAsync(App, login);
        return session;
    }

    public IEnumerable<Person> Hidden(AppRole role) => People.Values.Where(p => !Visible[role].Contains(p.LastName));

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        await App.DisposeAsync();
    }
}
