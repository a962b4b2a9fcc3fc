using System.Text.RegularExpressions;
using Metodist.BrowserTests.Infrastructure;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Microsoft.Playwright;

namespace Metodist.BrowserTests.Registry;

/// <summary>The teacher registry as people use it: in Chromium, against the real app on Kestrel and a fresh database.</summary>
public sealed class TeacherRegistryJourneys
{
    [Fact]
    public async Task MunicipalMethodistFindsATeacherOpensTheCardAndExportsTheList()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var data = await TestData.CreateAsync(app);
        var semenova = await data.AddTeacherAsync(data.NorthSchool, "Семёнова", "Анна", "Петровна");
        var semenov = await data.AddTeacherAsync(data.NorthSchool, "Семенов", "Игорь", "Васильевич", new DateOnly(1979, 11, 2));
        var kuznetsova = await data.AddTeacherAsync(data.NorthSchool, "Кузнецова", "Мария", "Ивановна");
        var semenkina = await data.AddTeacherAsync(data.SouthSchool, "Семёнкина", "Ольга", "Николаевна");
        await data.AddTeacherAsync(data.SouthSchool, "Петрова", "Елена", "Сергеевна");
        var login = await data.AddUserAsync("mmc-north", null, (AppRole.MunicipalMethodist, data.North.Id));

        await using var browser = await ChromiumSession.OpenAsync(app.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/Accounts/Login");
        await browser.ShouldShowPageAsync("Вход в Методист");
        await browser.ScreenshotAsync("01-login");

        await browser.SignInAsync(login, TestData.Password);
        await browser.ShouldShowPageAsync("Здравствуйте, mmc-north");
        await browser.ScreenshotAsync("02-start");

        await browser.OpenSectionAsync("Педагоги");
        await browser.ShouldShowPageAsync("Педагоги");
        await page.GetByLabel("ФИО").FillAsync("семен");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]search=", RegexOptions.None, TimeSpan.FromSeconds(1)));
        await browser.ShouldShowPageAsync("Педагоги");
        var names = page.Locator("table.list tbody tr td:first-child a");
        await Assertions.Expect(names).ToHaveCountAsync(2);
        (await names.AllTextContentsAsync()).Select(n => n.Trim()).Should().BeEquivalentTo(semenova.FullName, semenov.FullName);
        await Assertions.Expect(page.Locator("table.list")).Not.ToContainTextAsync(semenkina.LastName);
        await Assertions.Expect(page.Locator("table.list")).Not.ToContainTextAsync(kuznetsova.LastName);
        await Assertions.Expect(page.GetByText("Найдено: 2 педагога")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("03-teachers-found");

        await page.GetByRole(AriaRole.Link, new() { Name = semenova.FullName, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Registry/Teachers/Details/{semenova.Id}");
        await browser.ShouldShowPageAsync(semenova.FullName);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = data.NorthSchool.ShortName })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("04-teacher-card");

        await page.GoBackAsync();
        await Assertions.Expect(page.GetByLabel("ФИО")).ToHaveValueAsync("семен");
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Выгрузить в Excel (XLSX)" }).ClickAsync());
        download.SuggestedFilename.Should().EndWith(".xlsx");
        (await download.FailureAsync()).Should().BeNull();
        var saved = Path.Combine(Path.GetTempPath(), "metodist-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await download.SaveAsAsync(saved);
            var sheet = XlsxSheet.Read(await File.ReadAllBytesAsync(saved));
            sheet.Headings.Should().Contain("Фамилия");
            sheet.Column("Фамилия").Should().BeEquivalentTo(semenova.LastName, semenov.LastName);
            sheet.Column("Муниципалитет").Should().AllBe(data.North.Name);
        }
        finally
        {
            File.Delete(saved);
        }

        await browser.OpenSectionAsync("Организации");
        await browser.ShouldShowPageAsync();
        await Assertions.Expect(page.GetByText(data.NorthSchool.ShortName)).ToBeVisibleAsync();
        await browser.ScreenshotAsync("05-organizations");

        await browser.OpenSectionAsync("Территории");
        await browser.ShouldShowPageAsync("Территории");
        await Assertions.Expect(page.GetByText(data.North.Name).First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("06-territories");
    }

    [Fact]
    public async Task TeacherSigningInLandsOnTheirOwnCardAndCannotOpenAColleaguesCard()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var data = await TestData.CreateAsync(app);
        var own = await data.AddTeacherAsync(data.NorthSchool, "Учителева", "Вера", "Андреевна");
        var colleague = await data.AddTeacherAsync(data.NorthSchool, "Соседова", "Нина", "Павловна");
        var login = await data.AddUserAsync("teacher-north", own.Id, (AppRole.Teacher, own.Id));

        await using var browser = await ChromiumSession.OpenAsync(app.BaseAddress);
        var page = browser.Page;

        await browser.SignInAsync(login, TestData.Password);
        await page.WaitForURLAsync($"**/Registry/Teachers/Details/{own.Id}");
        await browser.ShouldShowPageAsync(own.FullName);
        await browser.ScreenshotAsync("07-teacher-own-card");

        var foreign = await page.GotoAsync($"/Registry/Teachers/Details/{colleague.Id}");
        foreign.Should().NotBeNull();
        foreign!.Status.Should().Be(404);
        (await page.ContentAsync()).Should().NotContain(colleague.LastName);
        await browser.ScreenshotAsync("08-teacher-foreign-card");
        browser.Problems.Should().BeEmpty();
    }
}
