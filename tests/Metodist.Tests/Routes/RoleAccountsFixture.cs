using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Routes;

/// <summary>
/// The test region with an account for every role around the North school: the methodists of both schools and both
/// municipalities, the region administrator, and a tutor (at the South school), an association leader and a mentor (at
/// the North school) who are teachers themselves. Each test adds teachers of its own, so that one test's results and
/// routes never meet another's.
/// </summary>
public sealed class RoleAccountsFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public Person TutorPerson { get; private set; } = null!;

    public string Admin { get; private set; } = "";
    public string NorthMethodist { get; private set; } = "";
    public string SouthMethodist { get; private set; } = "";
    public string NorthSchoolMethodist { get; private set; } = "";
    public string SouthSchoolMethodist { get; private set; } = "";
    public string AssociationLead { get; private set; } = "";
    public string Mentor { get; private set; } = "";
    public string Tutor { get; private set; } = "";

    private ApiTokens _tokens = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Data = await TestData.CreateAsync(App);
        _tokens = new ApiTokens(App);
        Admin = await Data.AddAdminAsync("region-admin");
        NorthMethodist = await Data.AddUserAsync("north-methodist", null, (AppRole.MunicipalMethodist, Data.North.Id));
        SouthMethodist = await Data.AddUserAsync("south-methodist", null, (AppRole.MunicipalMethodist, Data.South.Id));
        NorthSchoolMethodist = await Data.AddUserAsync("north-school-methodist", null, (AppRole.SchoolMethodist, Data.NorthSchool.Id));
        SouthSchoolMethodist = await Data.AddUserAsync("south-school-methodist", null, (AppRole.SchoolMethodist, Data.SouthSchool.Id));
        var lead = await Data.AddTeacherAsync(Data.NorthSchool, "Руководителева");
        AssociationLead = await Data.AddUserAsync("association-lead", lead.Id, (AppRole.AssociationLead, Guid.NewGuid()));
        var mentor = await Data.AddTeacherAsync(Data.NorthSchool, "Наставникова");
        Mentor = await Data.AddUserAsync("mentor", mentor.Id, (AppRole.Mentor, mentor.Id));
        TutorPerson = await Data.AddTeacherAsync(Data.SouthSchool, "Тьюторова");
        Tutor = await Data.AddUserAsync("tutor", TutorPerson.Id, (AppRole.Tutor, TutorPerson.Id));
    }

    /// <summary>A bearer client for the account, its token kept between tests.</summary>
    public Task<HttpClient> ClientAsync(string login) => _tokens.ClientAsync(login);

    /// <summary>A new teacher of the school (mathematics, first category) with an account of their own.</summary>
    public async Task<(Person Teacher, string Login)> AddTeacherAsync(Organization school, string lastName, DateOnly? birthDate = null, DateOnly? workStart = null)
    {
        var teacher = await Data.AddTeacherAsync(school, lastName, birthDate: birthDate, workStart: workStart);
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("teacher"), teacher.Id, (AppRole.Teacher, teacher.Id));
        return (teacher, login);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
