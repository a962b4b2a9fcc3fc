using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Registry;

/// <summary>The teacher form posted back as a browser would: it keeps what it shows, and it cannot reach outside the editor's scope.</summary>
public sealed class TeacherEditPageTests(RegionFixture fixture) : IClassFixture<RegionFixture>
{
    [Fact]
    public async Task SavingTheFormUnchangedKeepsEveryFieldAndRecordsNothing()
    {
        var person = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Нетронутова", snils: Snils.FromNumber(200300400));
        var before = await LoadAsync(person.Id);
        var auditBefore = await AuditCountAsync(person.Id);
        using var browser = await BrowserSession.SignedInAsync(fixture.App, await MethodistAsync(AppRole.MunicipalMethodist, fixture.Data.North.Id));

        var response = await PostEditAsync(browser, person.Id, _ => { });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "an unchanged form must save; the page answered with errors instead");
        var after = await LoadAsync(person.Id);
        after.Should().BeEquivalentTo(before, o => o.Excluding(p => p.UpdatedAt).Excluding(p => p.Employments[0].Person).Excluding(p => p.Employments[0].Subjects[0].Employment));
        (await AuditCountAsync(person.Id)).Should().Be(auditBefore);
    }

    [Fact]
    public async Task MethodistCannotMoveATeacherToAnOrganizationOutsideTheirMunicipality()
    {
        var person = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Непереводимова");
        using var browser = await BrowserSession.SignedInAsync(fixture.App, await MethodistAsync(AppRole.MunicipalMethodist, fixture.Data.North.Id));

        var response = await PostEditAsync(browser, person.Id, fields => BrowserSession.Set(fields, "Input.Employments[0].OrganizationId", fixture.Data.SouthSchool.Id.ToString()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(response)).Body!.TextContent.Should().Contain("Организация недоступна в вашей области видимости.");
        (await LoadAsync(person.Id)).Employments.Single().OrganizationId.Should().Be(fixture.Data.NorthSchool.Id);
    }

    [Fact]
    public async Task SchoolMethodistEditingATeacherKeepsTheirPlaceOfWorkInAnotherSchool()
    {
        var person = await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Совместителева");
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var second = new Employment { PersonId = person.Id, PositionId = TestData.Teacher, IsMain = false };
            second.PlaceAt(await db.Organizations.SingleAsync(o => o.Id == fixture.Data.NorthSchool.Id));
            db.Employments.Add(second);
            await db.SaveChangesAsync();
        }
        using var browser = await BrowserSession.SignedInAsync(fixture.App, await MethodistAsync(AppRole.SchoolMethodist, fixture.Data.NorthSchool.Id));

        var response = await PostEditAsync(browser, person.Id, fields => BrowserSession.Set(fields, "Input.Phone", "+7 900 765-43-21"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await LoadAsync(person.Id);
        after.Phone.Should().Be("+7 900 765-43-21");
        after.Employments.Select(e => (e.OrganizationId, e.IsMain)).Should().BeEquivalentTo(new[] { (fixture.Data.SouthSchool.Id, true), (fixture.Data.NorthSchool.Id, false) });
    }

    [Fact]
    public async Task CreatingATeacherInAnotherMunicipalitySavesNothing()
    {
        using var browser = await BrowserSession.SignedInAsync(fixture.App, await MethodistAsync(AppRole.MunicipalMethodist, fixture.Data.North.Id));
        var page = await browser.GetPageAsync("/Registry/Teachers/Create");
        var fields = BrowserSession.FormFields(TeacherForm(page));
        BrowserSession.Set(fields, "Input.LastName", "Чужеродова");
        BrowserSession.Set(fields, "Input.FirstName", "Ирина");
        BrowserSession.Set(fields, "Input.BirthDate", "1990-05-05");
        BrowserSession.Set(fields, "Input.Employments[0].OrganizationId", fixture.Data.SouthSchool.Id.ToString());
        BrowserSession.Set(fields, "Input.Employments[0].PositionId", TestData.Teacher.ToString());

        var response = await browser.Client.PostAsync("/Registry/Teachers/Create", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(response)).Body!.TextContent.Should().Contain("Организация недоступна в вашей области видимости.");
        await using var scope = fixture.App.Scope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AnyAsync(p => p.LastName == "Чужеродова")).Should().BeFalse();
    }

    [Theory]
    [InlineData(AppRole.Teacher)]
    [InlineData(AppRole.Tutor)]
    [InlineData(AppRole.Mentor)]
    [InlineData(AppRole.AssociationLead)]
    public async Task RolesWithoutRegistryRightsCannotEditEvenThemselves(AppRole role)
    {
        var person = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Самоправкина");
        var login = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("self"), person.Id, (role, person.Id));
        using var browser = await BrowserSession.SignedInAsync(fixture.App, login);
        var edit = await browser.Client.GetAsync($"/Registry/Teachers/Edit/{person.Id}");
        edit.StatusCode.Should().Be(HttpStatusCode.Redirect);
        edit.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await browser.Client.GetAsync("/Registry/Teachers/Create")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await browser.Client.GetAsync("/Admin/Users")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
    }

    private async Task<string> MethodistAsync(AppRole role, Guid scopeId) =>
        await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("editor"), null, (role, scopeId));

    private static IHtmlFormElement TeacherForm(IHtmlDocument page) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector("[name='Input.LastName']") is not null);

    private static async Task<HttpResponseMessage> PostEditAsync(BrowserSession browser, Guid id, Action<List<KeyValuePair<string, string>>> change)
    {
        var page = await browser.GetPageAsync($"/Registry/Teachers/Edit/{id}");
        var fields = BrowserSession.FormFields(TeacherForm(page));
        change(fields);
        return await browser.Client.PostAsync($"/Registry/Teachers/Edit/{id}", new FormUrlEncodedContent(fields));
    }

    private async Task<Person> LoadAsync(Guid id)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Persons.AsNoTracking().Include(p => p.Employments).ThenInclude(e => e.Subjects).SingleAsync(p => p.Id == id);
        person.Employments.Sort((a, b) => b.IsMain.CompareTo(a.IsMain));
        return person;
    }

    private async Task<int> AuditCountAsync(Guid id)
    {
        await using var scope = fixture.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.PersonId == id);
    }
}
