using System.Diagnostics;
using System.Security.Cryptography;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Demo;

/// <summary>Fixed ids of the demo region, so that a demo database is recognised as one and links to it stay valid.</summary>
public static class DemoIds
{
    public static readonly Guid Region = new("de300000-0000-4000-8000-000000000029");

    /// <summary>
    /// The municipal association of mathematics teachers of Северодвинск that the <c>lead</c> account leads.
    /// Associations arrive with their own module; until then the role is bound to this id.
    /// </summary>
    public static readonly Guid MathAssociation = new("de300000-0000-4000-8000-0000000000a1");

    /// <summary>The user id of a demo account, fixed so that the histories of demo routes can name the account that made each step.</summary>
    public static Guid Account(string login)
    {
        var index = Array.IndexOf(DemoRegion.Logins.ToArray(), login);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(login), login, "Not a demo login.");
        return new Guid($"de300000-0000-4000-8000-{0x100 + index:x12}");
    }
}

/// <summary>What a seed produced and how long it took.</summary>
public sealed record DemoSeedResult(int Districts, int Municipalities, int Organizations, int Persons, int Employments, TimeSpan Elapsed, DemoCast Cast)
{
    public int Results { get; init; }
    public int Courses { get; init; }
    public int Enrolments { get; init; }
    public int Routes { get; init; }
}

/// <summary>
/// The demo region (Архангельская область, about 9,000 teachers) and its accounts, one for each role, with the
/// methodological support around them: diagnostics and their results, campaigns, the course catalogue with enrolments,
/// and individual routes in every state.
/// The app seeds it on first start when <c>Demo:SeedOnStart</c> is on (the default); the <c>seed</c>
/// command builds larger regions for benchmarks.
/// </summary>
public static class DemoRegion
{
    public const int DefaultTeachers = 9000;
    public const int MinTeachers = DemoGenerator.MinTeachers;
    public const int MaxTeachers = 2_000_000;

    /// <summary>Persons written per batch, with their employments and subjects.</summary>
    private const int BatchSize = 2000;

    public const string AdminLogin = "admin";

    /// <summary>The demo logins in the order the banner lists them.</summary>
    public static readonly IReadOnlyList<string> Logins = [AdminLogin, "mmc", "school", "lead", "tutor", "mentor", "teacher"];

    /// <summary>
    /// On first start (no region in the database) builds the demo region and its accounts and returns them
    /// with the password; later returns the accounts again, setting their password to <c>Demo:AdminPassword</c>
    /// when it is given (so a newcomer who lost the printed one can choose their own). Returns null when the
    /// database holds a region that is not the demo one: its accounts are not the demo's to list or change.
    /// </summary>
    public static async Task<DemoAccounts?> EnsureSeededAsync(IServiceProvider services, IConfiguration configuration)
    {
        var configured = configuration["Demo:AdminPassword"];
        if (string.IsNullOrWhiteSpace(configured)) configured = null;

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Regions.AnyAsync())
        {
            var password = configured ?? GeneratePassword();
            await SeedAsync(services, configuration.GetValue("Demo:Teachers", DefaultTeachers), password);
            var note = configured is null
                ? $"Пароль всех демонстрационных учётных записей: {password}\nОн показан только сейчас: сохраните его или задайте свой в переменной окружения Demo__AdminPassword и перезапустите приложение."
                : "Пароль всех демонстрационных учётных записей — значение переменной окружения Demo__AdminPassword.";
            return new DemoAccounts(await DescribeAccountsAsync(db), note);
        }

        if (!await db.Regions.AnyAsync(r => r.Id == DemoIds.Region)) return null;
        if (configured is not null) await SetPasswordAsync(scope.ServiceProvider, configured);
        var accounts = await DescribeAccountsAsync(db);
        if (accounts.Count == 0) return null;
        return new DemoAccounts(accounts, configured is null
            ? "Пароль демонстрационных учётных записей был показан при первом запуске. Чтобы задать новый, перезапустите приложение с переменной окружения Demo__AdminPassword."
            : "Пароль всех демонстрационных учётных записей — значение переменной окружения Demo__AdminPassword.");
    }

    /// <summary>Builds the demo region in memory without touching a database (same teacher count and date, same region).</summary>
    public static DemoData Generate(int teachers, DateOnly today) => DemoGenerator.Generate(teachers, today);

    /// <summary>
    /// Saves a demo region of <paramref name="teachers"/> people into the (migrated, empty) database of
    /// <paramref name="services"/>, and with <paramref name="password"/> also the demo accounts, all in one
    /// transaction: a failure leaves the database empty. Dates are relative to <paramref name="today"/>
    /// (the real today by default), so the share of young teachers holds on that day.
    /// </summary>
    public static async Task<DemoSeedResult> SeedAsync(IServiceProvider services, int teachers, string? password = null,
        DateOnly? today = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(teachers, MinTeachers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(teachers, MaxTeachers);
        var stopwatch = Stopwatch.StartNew();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (password is not null) await ValidatePasswordAsync(users, password);

        var clock = services.GetRequiredService<TimeProvider>();
        var day = today ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var data = Generate(teachers, day);
        // Diagnostics, courses and the routes to draft are worked out on another core while the registry is written.
        var staff = new DemoStaff(data, withAccounts: password is not null);
        var generating = Task.Run(() => DemoSupport.Generate(staff, day, clock.LocalTimeZone), ct);

        // The seed is not a change made by a user: auditing it would only record the whole registry as
        // "created by система" and triple the rows written. The territories go through SaveChanges (with the
        // audit off); organizations and people, the bulk of the rows, through multi-row inserts in batches.
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(ct);
        // SQLite's default page cache (2 MB) spills a large transaction to disk long before the commit;
        // a big one for the seed's connection keeps the work in memory. It is put back afterwards.
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        db.Regions.Add(data.Region);
        db.Districts.AddRange(data.Districts);
        db.Municipalities.AddRange(data.Municipalities);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await BulkInsert<Organization>.InsertAllAsync(db, data.Organizations, ct);
        foreach (var batch in data.Persons.Chunk(BatchSize))
        {
            await BulkInsert<Person>.InsertAllAsync(db, batch, ct);
            var employments = batch.SelectMany(p => p.Employments).ToList();
            await BulkInsert<Employment>.InsertAllAsync(db, employments, ct);
            await BulkInsert<EmploymentSubject>.InsertAllAsync(db, employments.SelectMany(e => e.Subjects), ct);
        }

        // The routes are drafted by the route drafter over the catalogue and registry just written, while the results are written.
        var support = await generating;
        await InsertCatalogueAsync(db, support, ct);
        var earlier = support.Enrolments.All.Count;
        var drafter = await DemoRoutes.LoadAsync(db, staff, support, day, clock.LocalTimeZone, ct);
        var drafting = Task.Run(drafter.DraftAll, ct);
        await InsertResultsAsync(db, support, ct);
        var routes = await drafting;
        // Mentoring pairs fill the mentees' section 3 and the asset's methodists become tutors, so the network comes before the routes are written.
        var network = DemoNetwork.Generate(staff, support, routes, day, clock.LocalTimeZone);
        await BulkInsert<Enrolment>.InsertAllAsync(db, support.Enrolments.All.Skip(earlier), ct);
        await BulkInsert<DevelopmentRoute>.InsertAllAsync(db, routes, ct);
        await BulkInsert<RouteItem>.InsertAllAsync(db, routes.SelectMany(r => r.Items), ct);
        await BulkInsert<RouteTransition>.InsertAllAsync(db, routes.SelectMany(r => r.Transitions), ct);
        await DemoNetwork.InsertAsync(db, network, ct);

        if (password is not null)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await CreateAccountsAsync(users, data, password);
            await DemoNetwork.InsertForAccountsAsync(db, network, ct);
        }
        await transaction.CommitAsync(ct);
        // Fresh statistics for the query planner: the lists choose their indexes by them.
        await PlannerStatistics.RefreshAsync(db, ct);
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct);
        await db.Database.CloseConnectionAsync();

        return new DemoSeedResult(data.Districts.Count, data.Municipalities.Count, data.Organizations.Count, data.Persons.Count,
            data.EmploymentCount, stopwatch.Elapsed, data.Cast)
        {
            Results = support.Results.Count, Courses = support.Courses.Count, Enrolments = support.Enrolments.All.Count, Routes = routes.Count,
        };
    }

    /// <summary>The tests, campaigns, course catalogue and the enrolments made outside routes.</summary>
    private static async Task InsertCatalogueAsync(AppDbContext db, DemoSupportData support, CancellationToken ct)
    {
        Diagnostic[] diagnostics = [support.Test, support.DraftTest];
        await BulkInsert<Diagnostic>.InsertAllAsync(db, diagnostics, ct);
        await BulkInsert<DiagnosticQuestion>.InsertAllAsync(db, diagnostics.SelectMany(d => d.Questions), ct);
        await BulkInsert<DiagnosticOption>.InsertAllAsync(db, diagnostics.SelectMany(d => d.Questions).SelectMany(q => q.Options), ct);
        await BulkInsert<DiagnosticCampaign>.InsertAllAsync(db, support.Campaigns, ct);
        await BulkInsert<Course>.InsertAllAsync(db, support.Courses, ct);
        await BulkInsert<CourseArea>.InsertAllAsync(db, support.Courses.SelectMany(c => c.Areas), ct);
        await BulkInsert<Enrolment>.InsertAllAsync(db, support.Enrolments.All.ToList(), ct);
    }

    private static async Task InsertResultsAsync(AppDbContext db, DemoSupportData support, CancellationToken ct)
    {
        await BulkInsert<DiagnosticResult>.InsertAllAsync(db, support.Results, ct);
        await BulkInsert<DiagnosticResultArea>.InsertAllAsync(db, support.Results.SelectMany(r => r.Areas), ct);
        await BulkInsert<DiagnosticAttempt>.InsertAllAsync(db, support.Attempts, ct);
        await BulkInsert<AttemptAnswer>.InsertAllAsync(db, support.Attempts.SelectMany(a => a.Answers), ct);
    }

    /// <summary>A password the Identity options accept: three groups like «Kq7mx», an upper-case letter, lower-case letters and a digit each (about 64 bits).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        while (true)
        {
            var groups = Enumerable.Range(0, 3).Select(_ => string.Concat(
                upper[RandomNumberGenerator.GetInt32(upper.Length)],
                lower[RandomNumberGenerator.GetInt32(lower.Length)],
                digits[RandomNumberGenerator.GetInt32(digits.Length)],
                lower[RandomNumberGenerator.GetInt32(lower.Length)],
                lower[RandomNumberGenerator.GetInt32(lower.Length)]));
            var password = string.Join('-', groups);
            if (password.Distinct().Count() >= 8) return password;
        }
    }

    /// <summary>"логин — роль (область)" for each demo account that exists, in the order of <see cref="Logins"/>.</summary>
    public static async Task<IReadOnlyList<string>> DescribeAccountsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var logins = Logins.ToArray();
        var users = await db.Users.AsNoTracking()
            .Where(u => logins.Contains(u.UserName!))
            .Select(u => new { Login = u.UserName!, Roles = u.Roles.Select(r => new { r.Role, r.ScopeId }).ToList() })
            .ToListAsync(ct);
        var scopeIds = users.SelectMany(u => u.Roles).Select(r => r.ScopeId).Distinct().ToArray();
        var names = new Dictionary<Guid, string>();
        foreach (var region in await db.Regions.AsNoTracking().Where(r => scopeIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            names[region.Id] = region.Name;
        foreach (var municipality in await db.Municipalities.AsNoTracking().Where(m => scopeIds.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
            names[municipality.Id] = municipality.Name;
        foreach (var organization in await db.Organizations.AsNoTracking().Where(o => scopeIds.Contains(o.Id)).Select(o => new { o.Id, o.ShortName }).ToListAsync(ct))
            names[organization.Id] = organization.ShortName;
        var people = await db.Persons.AsNoTracking().Where(p => scopeIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.MiddleName,
                Organization = p.Employments.Where(e => e.IsMain).Select(e => e.Organization!.ShortName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        foreach (var person in people)
            names[person.Id] = $"{person.LastName} {person.FirstName} {person.MiddleName}".TrimEnd() + (person.Organization is null ? "" : ", " + person.Organization);
        names[DemoIds.MathAssociation] = "методическое объединение учителей математики Северодвинска";

        return users
            .OrderBy(u => Array.IndexOf(logins, u.Login))
            .SelectMany(u => u.Roles.Select(r => $"{u.Login} — {r.Role.Title()} ({names.GetValueOrDefault(r.ScopeId, "область не найдена")})"))
            .ToList();
    }

    private static async Task CreateAccountsAsync(UserManager<AppUser> users, DemoData data, string password)
    {
        var cast = data.Cast;
        var accounts = new (string Login, Person? Person, AppRole Role, Guid ScopeId)[]
        {
            (AdminLogin, null, AppRole.RegionAdmin, data.Region.Id),
            ("mmc", cast.MunicipalMethodist, AppRole.MunicipalMethodist, cast.Municipality.Id),
            ("school", cast.SchoolMethodist, AppRole.SchoolMethodist, cast.School.Id),
            ("lead", cast.AssociationLead, AppRole.AssociationLead, DemoIds.MathAssociation),
            ("tutor", cast.Tutor, AppRole.Tutor, cast.Tutor.Id),
            ("mentor", cast.Mentor, AppRole.Mentor, cast.Mentor.Id),
            ("teacher", cast.YoungTeacher, AppRole.Teacher, cast.YoungTeacher.Id),
        };
        foreach (var (login, person, role, scopeId) in accounts)
        {
            var user = new AppUser
            {
                Id = DemoIds.Account(login),
                UserName = login,
                DisplayName = person?.FullName ?? DemoStaff.AdminName,
                PersonId = person?.Id,
                Roles = [new RoleAssignment { Role = role, ScopeId = scopeId }],
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Не удалось создать демонстрационную учётную запись «{login}»: {Describe(result)}");
        }
    }

    /// <summary>Sets the password of every demo account that does not have it yet, and lifts a lockout; matching accounts are left alone so their sessions survive a restart.</summary>
    private static async Task SetPasswordAsync(IServiceProvider scoped, string password)
    {
        var users = scoped.GetRequiredService<UserManager<AppUser>>();
        await ValidatePasswordAsync(users, password);
        foreach (var login in Logins)
        {
            var user = await users.FindByNameAsync(login);
            if (user is null || await users.CheckPasswordAsync(user, password)) continue;
            if (await users.HasPasswordAsync(user))
            {
                var removed = await users.RemovePasswordAsync(user);
                if (!removed.Succeeded) throw new InvalidOperationException($"Не удалось сменить пароль учётной записи «{login}»: {Describe(removed)}");
            }
            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded) throw new InvalidOperationException($"Не удалось сменить пароль учётной записи «{login}»: {Describe(added)}");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
    }

    private static async Task ValidatePasswordAsync(UserManager<AppUser> users, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser { UserName = AdminLogin }, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Пароль из Demo__AdminPassword не подходит: {Describe(result)}");
        }
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
