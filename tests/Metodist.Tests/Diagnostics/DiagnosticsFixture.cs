using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Diagnostics;

/// <summary>
/// The test region with the staff accounts of the diagnostics pages: the region administrator, the North municipality's
/// methodist and the methodists of the North and South schools. Each test makes its own tests, schools and teachers, so
/// that counts of one test never meet another's.
/// </summary>
public sealed class DiagnosticsFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public ApiTokens Tokens { get; private set; } = null!;

    public string Admin { get; private set; } = "";
    public string NorthMethodist { get; private set; } = "";
    public string NorthSchoolMethodist { get; private set; } = "";
    public string SouthSchoolMethodist { get; private set; } = "";

    private readonly Dictionary<string, BrowserSession> _sessions = [];

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Data = await TestData.CreateAsync(App);
        Tokens = new ApiTokens(App);
        Admin = await Data.AddAdminAsync("diag-admin");
        NorthMethodist = await Data.AddUserAsync("diag-north", null, (AppRole.MunicipalMethodist, Data.North.Id));
        NorthSchoolMethodist = await Data.AddUserAsync("diag-north-school", null, (AppRole.SchoolMethodist, Data.NorthSchool.Id));
        SouthSchoolMethodist = await Data.AddUserAsync("diag-south-school", null, (AppRole.SchoolMethodist, Data.SouthSchool.Id));
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A signed-in browser session for the login, kept for the fixture's life (signing in hashes a password).</summary>
    public async Task<BrowserSession> SessionAsync(string login)
    {
        if (!_sessions.TryGetValue(login, out var session)) _sessions[login] = session = await BrowserSession.SignedInAsync(App, login);
        return session;
    }

    /// <summary>A new teacher of the organization with an account of their own.</summary>
    public async Task<(Person Teacher, string Login)> AddTeacherAsync(Organization organization, string lastName)
    {
        var teacher = await Data.AddTeacherAsync(organization, lastName);
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("teacher"), teacher.Id, (AppRole.Teacher, teacher.Id));
        return (teacher, login);
    }

    /// <summary>A new school in the municipality, for tests that count the teachers of a cohort.</summary>
    public async Task<Organization> AddSchoolAsync(Municipality municipality, string name)
    {
        var school = new Organization { FullName = name, ShortName = name, Kind = OrganizationKind.School, MunicipalityId = municipality.Id };
        await WithDbAsync(db =>
        {
            db.Organizations.Add(school);
            return db.SaveChangesAsync();
        });
        return school;
    }

    /// <summary>
    /// A published online test with thresholds 70/40: two single-choice questions on legal competence (option 1 keyed) and
    /// one multiple-choice question on digital competence (options 1 and 2 keyed of four).
    /// </summary>
    public async Task<Diagnostic> AddTestAsync(string title, int? timeLimitMinutes = null, bool published = true)
    {
        var diagnostic = new Diagnostic { Title = title, Kind = DiagnosticKind.OnlineTest, TimeLimitMinutes = timeLimitMinutes, IsPublished = published, CreatedBy = "тест" };
        diagnostic.Questions.Add(Question(diagnostic, 1, DefaultAreas.Legal, false, 3, 1));
        diagnostic.Questions.Add(Question(diagnostic, 2, DefaultAreas.Legal, false, 3, 1));
        diagnostic.Questions.Add(Question(diagnostic, 3, DefaultAreas.Digital, true, 4, 1, 2));
        await WithDbAsync(db =>
        {
            db.Diagnostics.Add(diagnostic);
            return db.SaveChangesAsync();
        });
        return diagnostic;
    }

    private static DiagnosticQuestion Question(Diagnostic diagnostic, int number, Guid areaId, bool multiple, int options, params int[] keyed)
    {
        var question = new DiagnosticQuestion { DiagnosticId = diagnostic.Id, Number = number, Text = $"Вопрос {number}", AreaId = areaId, MultipleChoice = multiple };
        for (var i = 1; i <= options; i++)
            question.Options.Add(new DiagnosticOption { QuestionId = question.Id, Number = i, Text = $"Вариант {i}", IsCorrect = keyed.Contains(i) });
        return question;
    }

    public async Task<DiagnosticCampaign> AddCampaignAsync(Diagnostic diagnostic, DateOnly startsOn, DateOnly deadline, Guid? municipalityId = null, Guid? organizationId = null)
    {
        var campaign = new DiagnosticCampaign
        {
            DiagnosticId = diagnostic.Id, Title = "Кампания: " + diagnostic.Title, StartsOn = startsOn, Deadline = deadline, RegionId = Data.Region.Id,
            MunicipalityId = municipalityId, OrganizationId = organizationId, CreatedBy = "тест",
        };
        await WithDbAsync(db =>
        {
            db.DiagnosticCampaigns.Add(campaign);
            return db.SaveChangesAsync();
        });
        return campaign;
    }

    /// <summary>A result written directly, as an import or an earlier test would leave it.</summary>
    public Task AddResultAsync(Guid personId, Guid diagnosticId, DateOnly takenOn, Guid? campaignId = null) => WithDbAsync(db =>
    {
        db.DiagnosticResults.Add(new DiagnosticResult { PersonId = personId, DiagnosticId = diagnosticId, TakenOn = takenOn, CampaignId = campaignId, Score = 50, Level = DeficitLevel.Partial });
        return db.SaveChangesAsync();
    });

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = App.Scope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = App.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs a service of the app in a scope of its own, as one request would.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Moves the start of an attempt into the past, as if the teacher had begun it that long ago.</summary>
    public Task BackdateAttemptAsync(Guid attemptId, TimeSpan ago) => WithDbAsync(db =>
        db.DiagnosticAttempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartedAt, DateTime.UtcNow - ago)));

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
}
