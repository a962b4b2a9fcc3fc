using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class CourseImportTests(ImportAppFixture fixture) : IClassFixture<ImportAppFixture>
{
    private const string Kind = "courses";

    private static readonly string[] Headings =
        ["Название программы", "Организация", "Вид", "Объём, ч", "Форма", "Дата начала", "Дата окончания", "Квота", "Федеральный реестр", "Компетенции", "Предмет", "Описание"];

    private async Task<List<Course>> CoursesAsync(string titlePrefix)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var courses = await db.Courses.AsNoTracking().Include(c => c.Areas).ToListAsync();
        return courses.Where(c => c.Title.StartsWith(titlePrefix, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Title).ThenBy(c => c.StartsOn).ToList();
    }

    private static string Describe(ImportStatusBody job) => job.Message + " " + string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}"));

    [Fact]
    public async Task ACatalogueWithTheHeadingsPeopleUseIsImportedWithKindsFormsAreasAndSubjects()
    {
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        var file = Csv(["Наименование", "Провайдер", "Вид", "Количество часов", "Форма обучения", "Дата начала", "Дата окончания", "Количество мест", "ФР", "Компетенции", "Предмет", "Аннотация"],
        [
            ["Каталог-1: Функциональная грамотность", "ЦНППМ Архангельской области", "", "36 ч", "заочно с применением ДОТ", "01.02.2027", "28.02.2027", "30", "ФР",
                "legal; digital", "Математика", "Формирование и оценка функциональной грамотности."],
            ["Каталог-1: Педагог-психолог", "АО ИОО", "профессиональная переподготовка", "260", "очно-заочно", "", "", "", "нет",
                "Психолого-педагогическая компетенция, inclusive", "", ""],
            ["Каталог-1: Наставничество", "ЦНППМ Архангельской области", "стажировка", "16", "очно", "15.03.2027", "", "", "+", "gifted", "", ""],
        ], ';', Windows1251);

        var job = await ImportTesting.ImportAsync(client, Kind, file, "курсы.csv");

        job.Status.Should().Be("succeeded", Describe(job));
        job.Kind.Should().Be(Kind);
        (job.Total, job.Created, job.Updated).Should().Be((3, 3, 0));
        job.Message.Should().Contain("добавлено курсов — 3");
        var courses = await CoursesAsync("Каталог-1");
        courses.Should().HaveCount(3);

        var literacy = courses.Single(c => c.Title.EndsWith("грамотность", StringComparison.Ordinal));
        literacy.Provider.Should().Be("ЦНППМ Архангельской области");
        literacy.Kind.Should().Be(CourseKind.Advanced, "повышение квалификации is the default");
        literacy.Hours.Should().Be(36);
        literacy.Form.Should().Be(CourseForm.Distance);
        literacy.StartsOn.Should().Be(new DateOnly(2027, 2, 1));
        literacy.EndsOn.Should().Be(new DateOnly(2027, 2, 28));
        literacy.Quota.Should().Be(30);
        literacy.FederalRegistry.Should().BeTrue();
        literacy.SubjectId.Should().Be(TestData.Mathematics);
        literacy.Description.Should().StartWith("Формирование");
        literacy.SearchTitle.Should().Be("каталог-1: функциональная грамотность");
        literacy.Areas.Select(a => a.AreaId).Should().BeEquivalentTo([DefaultAreas.Legal, DefaultAreas.Digital]);

        var retraining = courses.Single(c => c.Title.EndsWith("психолог", StringComparison.Ordinal));
        retraining.Kind.Should().Be(CourseKind.Retraining);
        retraining.Form.Should().Be(CourseForm.Blended);
        retraining.StartsOn.Should().BeNull();
        retraining.Quota.Should().BeNull();
        retraining.FederalRegistry.Should().BeFalse();
        retraining.Areas.Select(a => a.AreaId).Should().BeEquivalentTo([DefaultAreas.Psychological, DefaultAreas.Inclusive]);

        var internship = courses.Single(c => c.Title.EndsWith("Наставничество", StringComparison.Ordinal));
        internship.Kind.Should().Be(CourseKind.Internship);
        internship.Form.Should().Be(CourseForm.InPerson);
        internship.FederalRegistry.Should().BeTrue();
    }

    [Fact]
    public async Task BadCourseRowsAreReportedByRowAndColumnAndNothingIsSavedUnlessOnlyValidRowsAreAsked()
    {
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        var file = Csv(Headings,
        [
            ["Каталог-2: Хороший курс", "ЦНППМ", "ПК", "72", "очно", "01.03.2027", "20.03.2027", "25", "да", "methodical", "", ""],
            ["", "ЦНППМ", "ПК", "72", "очно", "", "", "", "", "", "", ""],
            ["Каталог-2: Без часов", "ЦНППМ", "ПК", "много", "очно", "", "", "", "", "", "", ""],
            ["Каталог-2: Вечерний", "ЦНППМ", "семинар", "18", "вечерняя", "", "", "", "", "", "", ""],
            ["Каталог-2: Звёзды", "ЦНППМ", "ПК", "18", "очно", "", "", "", "", "astro; digital", "Астрология", ""],
            ["Каталог-2: Наоборот", "ЦНППМ", "ПК", "18", "очно", "10.04.2027", "01.04.2027", "0", "может быть", "", "", ""],
            ["Каталог-2: Хороший курс", "цнппм", "", "36", "очно", "01.03.2027", "", "", "", "", "", ""],
            ["Каталог-2: Без компетенций", "ЦНППМ", "ПК", "18", "очно", "", "", "", "", "", "", ""],
        ]);

        var job = await ImportTesting.ImportAsync(client, Kind, file, "курсы.csv");

        job.Status.Should().Be("failed");
        (job.Total, job.BadRows).Should().Be((8, 7));
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "Название программы" && e.Message.Contains("Не указано название"));
        job.Errors.Should().Contain(e => e.Row == 4 && e.Column == "Объём, ч" && e.Message.Contains("«много»"));
        job.Errors.Should().Contain(e => e.Row == 5 && e.Column == "Вид" && e.Message.Contains("«семинар»"));
        job.Errors.Should().Contain(e => e.Row == 5 && e.Column == "Форма" && e.Message.Contains("«вечерняя»"));
        job.Errors.Should().Contain(e => e.Row == 6 && e.Column == "Компетенции" && e.Message.Contains("«astro»") && e.Message.Contains("legal"));
        job.Errors.Should().Contain(e => e.Row == 6 && e.Column == "Предмет" && e.Message.Contains("«Астрология» не найден"));
        job.Errors.Should().Contain(e => e.Row == 7 && e.Column == "Дата окончания" && e.Message.Contains("раньше даты начала"));
        job.Errors.Should().Contain(e => e.Row == 7 && e.Column == "Квота");
        job.Errors.Should().Contain(e => e.Row == 7 && e.Column == "Федеральный реестр");
        job.Errors.Should().Contain(e => e.Row == 8 && e.Column == "Название программы" && e.Message.Contains("уже указана в строке 2"));
        job.Errors.Should().Contain(e => e.Row == 9 && e.Column == "Компетенции" && e.Message.Contains("Не указаны компетенции"));
        (await CoursesAsync("Каталог-2")).Should().BeEmpty();

        var validOnly = await ImportTesting.ImportAsync(client, Kind, file, "курсы.csv", validOnly: true);

        validOnly.Status.Should().Be("succeeded", Describe(validOnly));
        (validOnly.Imported, validOnly.Created, validOnly.BadRows).Should().Be((1, 1, 7));
        var saved = (await CoursesAsync("Каталог-2")).Should().ContainSingle().Subject;
        saved.Hours.Should().Be(72);
        saved.Areas.Select(a => a.AreaId).Should().Equal(DefaultAreas.Methodical);
    }

    [Fact]
    public async Task ReimportingTheSameTitleProviderAndStartUpdatesTheCourseInsteadOfAddingOne()
    {
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        var first = Csv(Headings, [["Каталог-3: Цифровая школа", "ЦНППМ", "ПК", "72", "очно", "01.09.2027", "", "20", "нет", "digital, legal", "Информатика", "Первая версия"]]);
        (await ImportTesting.ImportAsync(client, Kind, first, "курсы.csv")).Status.Should().Be("succeeded");
        var before = (await CoursesAsync("Каталог-3")).Single();

        var second = Csv(Headings,
        [
            ["КАТАЛОГ-3:  цифровая  школа", "цнппм", "", "36", "дистанционно", "01.09.2027", "30.09.2027", "", "да", "subject", "", ""],
            ["Каталог-3: Цифровая школа", "ЦНППМ", "ПК", "72", "очно", "01.02.2028", "", "", "", "digital", "", ""],
        ]);
        var job = await ImportTesting.ImportAsync(client, Kind, second, "курсы.csv");

        job.Status.Should().Be("succeeded", Describe(job));
        (job.Created, job.Updated).Should().Be((1, 1));
        var courses = await CoursesAsync("Каталог-3");
        courses.Should().HaveCount(2, "another start date is another run of the programme");
        var updated = courses.Single(c => c.Id == before.Id);
        updated.Hours.Should().Be(36);
        updated.Form.Should().Be(CourseForm.Distance);
        updated.EndsOn.Should().Be(new DateOnly(2027, 9, 30));
        updated.FederalRegistry.Should().BeTrue();
        updated.Quota.Should().Be(20, "an empty cell keeps the value");
        updated.Description.Should().Be("Первая версия");
        updated.SubjectId.Should().Be(before.SubjectId);
        updated.Kind.Should().Be(CourseKind.Advanced);
        updated.Areas.Select(a => a.AreaId).Should().Equal(DefaultAreas.Subject);
    }

    [Fact]
    public async Task OnlyTheRegionAdministratorImportsTheCatalogue()
    {
        var login = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("mmc"), null, (AppRole.MunicipalMethodist, fixture.Data.North.Id));
        var methodist = await fixture.Tokens.ClientAsync(login);
        var file = Csv(Headings, [["Каталог-4: Чужой курс", "ММС", "ПК", "18", "очно", "", "", "", "", "", "", ""]]);

        var response = await ImportTesting.PostFileAsync(methodist, Kind, file, "курсы.csv");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Be("Каталог курсов загружает только администратор региона.");
        (await methodist.GetAsync($"/api/imports/templates/{Kind}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CoursesAsync("Каталог-4")).Should().BeEmpty();

        using var session = await BrowserSession.SignedInAsync(fixture.App, login);
        var page = await session.GetPageAsync("/Imports");
        page.QuerySelectorAll("#kind option").Select(o => o.GetAttribute("value")).Should().Equal("teachers", "organizations", "diagnostic-results");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(Kind), "Kind" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(upload, "Upload", "курсы.csv");
        var refused = await BrowserSession.ParseAsync(await session.Client.PostAsync("/Imports", form));
        refused.QuerySelector(".errors")!.TextContent.Should().Contain("только администратор региона");
    }

    [Fact]
    public async Task TheUploadPageOffersBothNewKindsAndTheCheckOfACatalogueShowsCourses()
    {
        using var session = await BrowserSession.SignedInAsync(fixture.App, fixture.Admin);
        var page = await session.GetPageAsync("/Imports");
        var options = page.QuerySelectorAll("#kind option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
        options.Keys.Should().Equal("teachers", "organizations", "diagnostic-results", "courses");
        options["diagnostic-results"].Should().StartWith("Результаты диагностики");
        options["courses"].Should().Be("Каталог курсов");
        page.QuerySelectorAll("a[href='/api/imports/templates/courses'], a[href='/api/imports/templates/diagnostic-results']").Should().HaveCount(2);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(Kind), "Kind" },
        };
        var upload = new ByteArrayContent(Csv(Headings, [["Каталог-5: Проверка", "ЦНППМ", "ПК", "18", "очно", "", "", "", "", "legal", "", ""]]));
        upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(upload, "Upload", "курсы.csv");
        var redirect = await session.Client.PostAsync("/Imports", form);
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = Guid.Parse(redirect.Headers.Location!.ToString()["/Imports/Job/".Length..]);
        (await ImportTesting.WaitAsync(session.Client, id)).Status.Should().Be("succeeded");

        var check = await session.GetPageAsync($"/Imports/Job/{id}");
        check.Body!.TextContent.Should().Contain("Каталог курсов");
        check.QuerySelectorAll(".stat .label").Select(l => l.TextContent).Should().Contain("курсов будет добавлено");
        (await CoursesAsync("Каталог-5")).Should().BeEmpty("a check saves nothing");
    }
}
