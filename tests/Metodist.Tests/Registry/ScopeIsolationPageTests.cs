using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Audit;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Registry;

/// <summary>The same isolation over the pages a person uses: the list with its search, the card, the edit form, the XLSX export and the audit log.</summary>
public sealed class ScopeIsolationPageTests(ScopeFixture fixture) : IClassFixture<ScopeFixture>
{
    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task ListPageShowsExactlyTheTeachersOfTheScope(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        var page = await browser.GetPageAsync("/Registry/Teachers");
        Surnames(page).Should().BeEquivalentTo(fixture.Visible[role]);
        foreach (var hidden in fixture.Hidden(role)) page.Body!.TextContent.Should().NotContain(hidden.LastName);
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task SearchingTheListPageForSomeoneOutsideTheScopeFindsNobody(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        foreach (var hidden in fixture.Hidden(role))
        {
            var page = await browser.GetPageAsync("/Registry/Teachers?search=" + Uri.EscapeDataString(hidden.LastName));
            Surnames(page).Should().BeEmpty(hidden.LastName);
            page.Body!.TextContent.Should().Contain("педагоги не найдены");
        }
        var foreign = await browser.GetPageAsync($"/Registry/Teachers?municipalityId={fixture.ForeignMunicipality[role]}");
        Surnames(foreign).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task CardPageOpensInsideTheScopeAndIsNotFoundOutsideIt(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        foreach (var surname in fixture.Visible[role])
        {
            var card = await browser.GetPageAsync($"/Registry/Teachers/Details/{fixture.People[surname].Id}");
            card.QuerySelector("h1")!.TextContent.Should().Contain(surname);
        }
        foreach (var hidden in fixture.Hidden(role).Select(p => p.Id).Append(Guid.NewGuid()))
        {
            var response = await browser.Client.GetAsync($"/Registry/Teachers/Details/{hidden}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task ExportPageHoldsExactlyTheTeachersOfTheScope(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        var response = await browser.Client.GetAsync("/Registry/Teachers/Export");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        XlsxSheet.Read(await response.Content.ReadAsByteArrayAsync()).Column("Фамилия").Should().BeEquivalentTo(fixture.Visible[role]);

        var hidden = fixture.Hidden(role).First();
        var searched = await browser.Client.GetByteArrayAsync("/Registry/Teachers/Export?search=" + Uri.EscapeDataString(hidden.LastName));
        XlsxSheet.Read(searched).Rows.Should().BeEmpty();
        var foreign = await browser.Client.GetByteArrayAsync($"/Registry/Teachers/Export?municipalityId={fixture.ForeignMunicipality[role]}");
        XlsxSheet.Read(foreign).Rows.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task EditFormOfSomeoneOutsideTheScopeIsNotFoundAndAPostChangesNothing(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        var token = BrowserSession.AntiforgeryToken(await browser.GetPageAsync("/Registry/Teachers"));
        foreach (var hidden in fixture.Hidden(role))
        {
            (await browser.Client.GetAsync($"/Registry/Teachers/Edit/{hidden.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, hidden.LastName);
            var post = await browser.Client.PostAsync($"/Registry/Teachers/Edit/{hidden.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.LastName"] = "Взломанова",
                ["Input.FirstName"] = hidden.FirstName,
                ["Input.BirthDate"] = "1980-01-01",
            }));
            post.StatusCode.Should().Be(HttpStatusCode.NotFound, hidden.LastName);
        }
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Persons.AnyAsync(p => p.LastName == "Взломанова")).Should().BeFalse();
    }

    [Theory]
    [InlineData(AppRole.RegionAdmin)]
    [InlineData(AppRole.MunicipalMethodist)]
    [InlineData(AppRole.SchoolMethodist)]
    public async Task AuditLogDoesNotNameAPersonOutsideTheScopeEvenByTheirId(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        foreach (var hidden in fixture.Hidden(role))
        {
            var page = await browser.GetPageAsync($"/Audit?personId={hidden.Id}");
            page.Body!.TextContent.Should().NotContain(hidden.LastName);
        }
    }

    [Theory]
    [InlineData(AppRole.Tutor)]
    [InlineData(AppRole.Mentor)]
    [InlineData(AppRole.Teacher)]
    [InlineData(AppRole.AssociationLead)]
    public async Task AuditLogOfOthersIsDeniedToRolesWithoutRegistryRightsButTheirOwnHistoryOpens(AppRole role)
    {
        var browser = await fixture.SessionAsync(fixture.Logins[role]);
        var other = fixture.People["Северова"];
        var denied = await browser.Client.GetAsync($"/Audit?personId={other.Id}");
        denied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await browser.Client.GetAsync("/Audit")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var own = fixture.People[fixture.Visible[role].Single()];
        var page = await browser.GetPageAsync($"/Audit?personId={own.Id}");
        page.Body!.TextContent.Should().Contain(own.LastName);
        page.QuerySelectorAll("table.list tbody tr").Should().NotBeEmpty("creating the person was recorded");
    }

    [Fact]
    public async Task PagesWithoutSignInRedirectToTheLoginPage()
    {
        using var browser = BrowserSession.Open(fixture.App);
        foreach (var url in new[] { "/Registry/Teachers", $"/Registry/Teachers/Details/{fixture.People["Северова"].Id}", "/Registry/Teachers/Export", "/Audit" })
        {
            var response = await browser.Client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.Should().Contain("/Accounts/Login?ReturnUrl=", url);
        }
    }

    private static List<string> Surnames(IHtmlDocument page) =>
        page.QuerySelectorAll("a[href^='/Registry/Teachers/Details/']").Select(a => a.TextContent.Trim().Split(' ')[0]).ToList();
}
