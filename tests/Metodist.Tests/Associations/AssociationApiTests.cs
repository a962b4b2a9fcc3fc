using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Events;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Associations;

/// <summary>The region of these tests: a municipal methodist of Северск and of Южноград, the region's administrator and teachers with accounts.</summary>
public sealed class AssociationFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public string Admin { get; private set; } = "";
    public string NorthMethodist { get; private set; } = "";
    public string SouthMethodist { get; private set; } = "";
    private ApiTokens _tokens = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Data = await TestData.CreateAsync(App);
        _tokens = new ApiTokens(App);
        Admin = await Data.AddAdminAsync("assoc-admin");
        NorthMethodist = await Data.AddUserAsync("assoc-north", null, (AppRole.MunicipalMethodist, Data.North.Id));
        SouthMethodist = await Data.AddUserAsync("assoc-south", null, (AppRole.MunicipalMethodist, Data.South.Id));
    }

    public Task<HttpClient> ClientAsync(string login) => _tokens.ClientAsync(login);

    public async Task<(Person Teacher, string Login)> TeacherAsync(Organization school, string lastName)
    {
        var teacher = await Data.AddTeacherAsync(school, lastName);
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("t"), teacher.Id, (AppRole.Teacher, teacher.Id));
        return (teacher, login);
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<JsonElement> PostAsync(string login, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var client = await ClientAsync(login);
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected) throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<Guid> AssociationAsync(string login, Guid municipalityId, string name = "ММО учителей математики")
    {
        var body = await PostAsync(login, "/api/associations", new { name, level = "municipal", kind = "methodicalAssociation", subject = "Математика", municipalityId });
        return body.GetProperty("id").GetGuid();
    }

    public async Task<Guid> EventAsync(string login, object body) => (await PostAsync(login, "/api/events", body)).GetProperty("id").GetGuid();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class AssociationApiTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    private static string Future(int days, int hour = 15) => DateTime.Now.Date.AddDays(days).AddHours(hour).ToString("yyyy-MM-ddTHH:mm");

    [Fact]
    public async Task AMunicipalMethodistCreatesAnAssociationOfTheirMunicipalityWithALeader()
    {
        var leader = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Руководителева");
        var body = await f.PostAsync(f.NorthMethodist, "/api/associations",
            new { name = "ММО учителей физики", level = "municipal", kind = "methodicalAssociation", subject = "Физика", municipalityId = f.Data.North.Id, leaderId = leader.Id });

        body.GetProperty("id").GetGuid().Should().NotBeEmpty();
        body.GetProperty("level").GetString().Should().Be("municipal");
        body.GetProperty("kind").GetString().Should().Be("methodicalAssociation");
        body.GetProperty("subject").GetString().Should().Be("Физика");
        body.GetProperty("subjectId").ValueKind.Should().Be(JsonValueKind.String);
        body.GetProperty("municipalityId").GetGuid().Should().Be(f.Data.North.Id);
        body.GetProperty("leaderId").GetGuid().Should().Be(leader.Id);
        body.GetProperty("members").EnumerateArray().Should().ContainSingle(m => m.GetProperty("teacherId").GetGuid() == leader.Id && m.GetProperty("role").GetString() == "leader");
    }

    [Theory]
    [InlineData("ШМО", "методическое объединение")]
    [InlineData("school", "creative_group")]
    [InlineData("School", "Творческая группа")]
    public async Task LevelsAndKindsAreReadInTheWaysPeopleWriteThem(string level, string kind)
    {
        var body = await f.PostAsync(f.NorthMethodist, "/api/associations",
            new { name = "ШМО учителей начальных классов", level, kind, subject = "Начальные классы", organizationId = f.Data.NorthSchool.Id });

        body.GetProperty("level").GetString().Should().Be("school");
        body.GetProperty("organizationId").GetGuid().Should().Be(f.Data.NorthSchool.Id);
        body.GetProperty("municipalityId").GetGuid().Should().Be(f.Data.North.Id);
    }

    [Fact]
    public async Task AnUnknownLevelOrMissingNameIsRefusedWithARussianMessage()
    {
        using var client = await f.ClientAsync(f.Admin);
        var level = await client.PostAsJsonAsync("/api/associations", new { name = "Объединение", level = "galactic", kind = "methodicalAssociation", subject = "x" });
        var name = await client.PostAsJsonAsync("/api/associations", new { name = " ", level = "regional", kind = "methodicalAssociation", subject = "x" });

        level.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await level.Content.ReadAsStringAsync()).Should().Contain("Уровень объединения");
        name.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AMethodistCannotCreateInAnotherMunicipalityOrAtTheRegionalLevel()
    {
        using var client = await f.ClientAsync(f.NorthMethodist);
        var other = await client.PostAsJsonAsync("/api/associations", new { name = "ММО", level = "municipal", kind = "methodicalAssociation", subject = "x", municipalityId = f.Data.South.Id });
        var regional = await client.PostAsJsonAsync("/api/associations", new { name = "РМО", level = "regional", kind = "methodicalAssociation", subject = "x" });

        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        regional.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheListIsFilteredByLevelAndMunicipalityAndKeptInsideTheScope()
    {
        var north = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей истории Северска");
        var south = await f.AssociationAsync(f.SouthMethodist, f.Data.South.Id, "ММО учителей истории Южнограда");
        var regional = (await f.PostAsync(f.Admin, "/api/associations", new { name = "РМО учителей истории", level = "regional", kind = "methodicalAssociation", subject = "История" }))
            .GetProperty("id").GetGuid();

        using var client = await f.ClientAsync(f.NorthMethodist);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/associations?pageSize=200");
        var ids = all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        ids.Should().Contain(north).And.Contain(regional).And.NotContain(south);
        all.GetProperty("total").GetInt32().Should().Be(ids.Count);

        using var admin = await f.ClientAsync(f.Admin);
        var municipal = await admin.GetFromJsonAsync<JsonElement>($"/api/associations?level=municipal&municipalityId={f.Data.South.Id}");
        municipal.GetProperty("items").EnumerateArray().Should().OnlyContain(a => a.GetProperty("municipalityId").GetGuid() == f.Data.South.Id && a.GetProperty("level").GetString() == "municipal")
            .And.Contain(a => a.GetProperty("id").GetGuid() == south);

        (await client.GetAsync($"/api/associations/{south}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MembersAreAddedWithTheirRoleAndPlaceOfWorkAndNotTwice()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей химии");
        var teacher = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Участникова");

        var member = await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/members", new { teacherId = teacher.Id, role = "council" });
        member.GetProperty("teacherId").GetGuid().Should().Be(teacher.Id);
        member.GetProperty("role").GetString().Should().Be("council");
        member.GetProperty("fullName").GetString().Should().Be("Участникова Анна Петровна");
        member.GetProperty("organization").GetString().Should().Be(f.Data.NorthSchool.ShortName);

        await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/members", new { teacherId = teacher.Id, role = "member" }, HttpStatusCode.Conflict);
        await f.PostAsync(f.SouthMethodist, $"/api/associations/{id}/members", new { teacherId = teacher.Id, role = "member" }, HttpStatusCode.NotFound);
        var audit = await f.DbAsync(db => db.AuditEntries.Where(a => a.PersonId == teacher.Id && a.EntityType == "Участие в объединении").CountAsync());
        audit.Should().Be(1);
    }

    [Fact]
    public async Task ATeacherAsksToJoinAndTheLeaderAccepts()
    {
        var leader = await f.TeacherAsync(f.Data.NorthSchool, "Ведущая");
        var id = (await f.PostAsync(f.NorthMethodist, "/api/associations",
            new { name = "Творческая группа «Функциональная грамотность»", level = "municipal", kind = "creativeGroup", subject = "Функциональная грамотность", municipalityId = f.Data.North.Id, leaderId = leader.Teacher.Id }))
            .GetProperty("id").GetGuid();
        var asker = await f.TeacherAsync(f.Data.NorthSchool, "Желающая");

        var request = await f.PostAsync(asker.Login, $"/api/associations/{id}/join", new { });
        request.GetProperty("status").GetString().Should().Be("requested");
        await f.PostAsync(asker.Login, $"/api/associations/{id}/members/{request.GetProperty("id").GetGuid()}/accept", new { }, HttpStatusCode.Forbidden);
        await f.PostAsync(leader.Login, $"/api/associations/{id}/members/{request.GetProperty("id").GetGuid()}/accept", new { }, HttpStatusCode.NoContent);

        using var client = await f.ClientAsync(asker.Login);
        var card = await client.GetFromJsonAsync<JsonElement>($"/api/associations/{id}");
        card.GetProperty("members").EnumerateArray().Should().Contain(m => m.GetProperty("teacherId").GetGuid() == asker.Teacher.Id && m.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task APlanOfSevenItemsLikeSeedZeroIsEnteredAndItsDocxHasTheSeedsTable()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО «Методическая работа: из теории в практику»");
        var curator = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Каргаполова", "Дарья", "Александровна");
        var plan = await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2023-2024" });
        var planId = plan.GetProperty("id").GetGuid();
        plan.GetProperty("academicYear").GetString().Should().Be("2023-2024");
        plan.GetProperty("status").GetString().Should().Be("draft");

        object[] items =
        [
            new { title = "Разработка программы деятельности ММО на 2023-2024 учебный год", kind = "other", month = 9, venueOrganizationId = f.Data.NorthSchool.Id, responsibleIds = new[] { curator.Id } },
            new { title = "Организационно-методическое заседание", kind = "meeting", month = 9, venueOrganizationId = f.Data.NorthSchool.Id, responsibleIds = new[] { curator.Id } },
            new { title = "Методическое заседание «Конкурс профессионального мастерства»", kind = "заседание", month = 11, responsibleIds = new[] { curator.Id } },
            new { title = "Практико-ориентированное заседание «Аттестация педагогов»", kind = "seminar", month = 2, responsibleIds = new[] { curator.Id } },
            new { title = "Заседание по итогам деятельности ММО", kind = "meeting", month = 5, responsibleIds = new[] { curator.Id } },
            new { title = "Консультирование по вопросам организации методического пространства", kind = "consultation", timing = "months", month = 9, endMonth = 5, responsibleIds = new[] { curator.Id } },
            new { title = "Подготовка отчёта о реализации программы", kind = "other", date = "2023-12-20", timingNote = "до 20.05.2024", responsibleIds = new[] { curator.Id } },
        ];
        foreach (var item in items) await f.PostAsync(f.NorthMethodist, $"/api/plans/{planId}/items", item);
        await f.PostAsync(f.NorthMethodist, $"/api/plans/{planId}/items", new { title = "Неверный месяц", kind = "meeting", month = 13, responsibleIds = Array.Empty<Guid>() }, HttpStatusCode.BadRequest);

        using var client = await f.ClientAsync(f.NorthMethodist);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        var rows = view.GetProperty("items").EnumerateArray().ToList();
        rows.Should().HaveCount(7);
        rows[0].GetProperty("timingText").GetString().Should().Be("сентябрь 2023");
        rows[3].GetProperty("timingText").GetString().Should().Be("февраль 2024");
        rows[5].GetProperty("timingText").GetString().Should().Be("сентябрь 2023 – май 2024");
        rows.Should().OnlyContain(r => r.GetProperty("isLate").GetBoolean(), "the year is over and nothing was recorded as done");

        var response = await client.GetAsync($"/api/plans/{planId}/docx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var table = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Single();
        var tableRows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        tableRows[0].Should().Equal("№ п/п", "Наименование мероприятия", "Сроки, место проведения", "ФИО ответственного");
        tableRows.Should().HaveCount(8);
        tableRows[1][0].Should().Be("1.");
        tableRows[1][2].Should().Be($"сентябрь 2023 {f.Data.NorthSchool.ShortName}");
        tableRows[1][3].Should().StartWith("Каргаполова Д.А., учитель");
        tableRows[7][2].Should().Be("20.12.2023, до 20.05.2024");
    }

    [Fact]
    public async Task APlanIsOnlyForAValidYearAndOncePerYear()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей биологии");
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2025" }, HttpStatusCode.BadRequest);
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2025-2026" });
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2025-2026" }, HttpStatusCode.Conflict);
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2025-2026", kind = "roadMap" });
        await f.PostAsync(f.SouthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2026-2027" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RegistrationsBeyondTheCapacityGoToTheWaitingListAndMoveUpWhenAPlaceFrees()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей географии");
        var eventId = await f.EventAsync(f.NorthMethodist,
            new { title = "Семинар-практикум «Смысловое чтение»", kind = "workshop", start = Future(10), end = Future(10, 17), capacity = 2, associationId = id, venueOrganizationId = f.Data.NorthSchool.Id });
        var teachers = new List<(Person Teacher, string Login)>();
        for (var i = 0; i < 3; i++) teachers.Add(await f.TeacherAsync(f.Data.NorthSchool, $"Записанная{i}"));

        await f.PostAsync(teachers[0].Login, $"/api/events/{eventId}/registrations", new { teacherId = teachers[0].Teacher.Id }, HttpStatusCode.Conflict);
        await f.PostAsync(f.NorthMethodist, $"/api/events/{eventId}/publish", new { }, HttpStatusCode.OK);
        var first = await f.PostAsync(teachers[0].Login, $"/api/events/{eventId}/registrations", new { teacherId = teachers[0].Teacher.Id });
        var second = await f.PostAsync(f.NorthMethodist, $"/api/events/{eventId}/registrations", new { teacherId = teachers[1].Teacher.Id });
        var third = await f.PostAsync(teachers[2].Login, $"/api/events/{eventId}/registrations", new { teacherId = teachers[2].Teacher.Id });

        first.GetProperty("waitlisted").GetBoolean().Should().BeFalse();
        second.GetProperty("waitlisted").GetBoolean().Should().BeFalse();
        third.GetProperty("waitlisted").GetBoolean().Should().BeTrue();
        third.GetProperty("queuePosition").GetInt32().Should().Be(1);
        await f.PostAsync(teachers[2].Login, $"/api/events/{eventId}/registrations", new { teacherId = teachers[2].Teacher.Id }, HttpStatusCode.Conflict);
        var stranger = await f.TeacherAsync(f.Data.SouthSchool, "Чужая");
        await f.PostAsync(teachers[0].Login, $"/api/events/{eventId}/registrations", new { teacherId = stranger.Teacher.Id }, HttpStatusCode.NotFound);

        using var client = await f.ClientAsync(teachers[0].Login);
        (await client.DeleteAsync($"/api/events/{eventId}/registrations/{teachers[0].Teacher.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var status = await f.DbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId).ToDictionaryAsync(r => r.PersonId, r => r.Status));
        status[teachers[2].Teacher.Id].Should().Be(RegistrationStatus.Registered);
        status[teachers[0].Teacher.Id].Should().Be(RegistrationStatus.Cancelled);
    }

    [Fact]
    public async Task AttendanceMarkedInBulkClosesTheEventsItemInTheTeachersRoute()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей информатики");
        var eventId = await f.EventAsync(f.NorthMethodist,
            new { title = "Мастер-класс «Цифровые инструменты на уроке»", kind = "masterClass", start = Future(0, 1), end = Future(0, 2), associationId = id, publish = true });
        var (teacher, _) = await f.TeacherAsync(f.Data.NorthSchool, "Маршрутова");
        var other = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Пришедшая");
        var itemId = await f.DbAsync(async db =>
        {
            var route = new DevelopmentRoute
            {
                PersonId = teacher.Id, Status = RouteStatus.InProgress, MunicipalityId = f.Data.North.Id, OrganizationId = f.Data.NorthSchool.Id,
                StartsOn = DateOnly.FromDateTime(DateTime.Now).AddMonths(-1), EndsOn = DateOnly.FromDateTime(DateTime.Now).AddMonths(5),
            };
            var item = new RouteItem { RouteId = route.Id, PersonId = teacher.Id, Section = RouteSection.Events, Title = "Мастер-класс «Цифровые инструменты на уроке»", SortOrder = 1 };
            route.Items.Add(item);
            db.Routes.Add(route);
            await db.SaveChangesAsync();
            return item.Id;
        });

        await f.PostAsync(f.SouthMethodist, $"/api/events/{eventId}/attendance", new { teacherIds = new[] { teacher.Id } }, HttpStatusCode.Forbidden);
        var result = await f.PostAsync(f.NorthMethodist, $"/api/events/{eventId}/attendance", new { teacherIds = new[] { teacher.Id, other.Id } }, HttpStatusCode.OK);

        result.GetProperty("attended").GetInt32().Should().Be(2);
        result.GetProperty("routeItemsClosed").GetInt32().Should().Be(1);
        var item = await f.DbAsync(db => db.RouteItems.SingleAsync(i => i.Id == itemId));
        item.IsDone.Should().BeTrue();
        item.EventId.Should().Be(eventId);
        item.Evidence.Should().Contain("отмечено организатором");
        var certificates = await f.DbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId).Select(r => r.CertificateNumber).ToListAsync());
        certificates.Should().HaveCount(2).And.OnlyHaveUniqueItems().And.NotContainNulls();
    }

    [Fact]
    public async Task TheICalendarFeedHasPublishedEventsOnlyAndParsesBack()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей музыки");
        var published = await f.EventAsync(f.NorthMethodist,
            new { title = "Круглый стол; «Музыка, театр и школа»", kind = "roundTable", start = "2027-03-12T15:00:00+03:00", end = "2027-03-12T17:00:00+03:00", associationId = id, venueOrganizationId = f.Data.NorthSchool.Id, publish = true });
        var draft = await f.EventAsync(f.NorthMethodist, new { title = "Черновое заседание", kind = "meeting", start = "2027-03-13T15:00", end = "2027-03-13T16:00", associationId = id });

        var response = await f.App.Anonymous().GetAsync("/public/events.ics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
        text.Split("\r\n").Should().OnlyContain(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        var events = Metodist.Web.Features.Events.ICalendar.Parse(text);
        var entry = events.Single(e => e["UID"] == $"{published:D}@metodist");
        entry["SUMMARY"].Should().Be("Круглый стол; «Музыка, театр и школа»");
        entry["DTSTART"].Should().Be("20270312T120000Z");
        entry["DTEND"].Should().Be("20270312T140000Z");
        entry["LOCATION"].Should().Contain(f.Data.NorthSchool.ShortName);
        events.Should().NotContain(e => e["UID"] == $"{draft:D}@metodist");
    }

    [Fact]
    public async Task AnEventNeedsATitleAStartNotAfterItsEndAndAKnownKind()
    {
        using var client = await f.ClientAsync(f.NorthMethodist);
        (await client.PostAsJsonAsync("/api/events", new { title = "", kind = "seminar", start = Future(3), end = Future(3, 16) })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/events", new { title = "Семинар", kind = "seminar", start = Future(3, 17), end = Future(3, 16) })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/events", new { title = "Семинар", kind = "party", start = Future(3), end = Future(3, 16) })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var created = await client.PostAsJsonAsync("/api/events", new { title = "Семинар службы", kind = "seminar", start = Future(3), end = Future(3, 16), capacity = 40 });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var teacher = await f.TeacherAsync(f.Data.NorthSchool, "Безправная");
        using var teacherClient = await f.ClientAsync(teacher.Login);
        (await teacherClient.PostAsJsonAsync("/api/events", new { title = "Своё", kind = "seminar", start = Future(3), end = Future(3, 16) })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
