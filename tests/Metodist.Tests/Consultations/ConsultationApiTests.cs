using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Consultations;

/// <summary>The desk over the API: the contract of asking, routing to the right service, who sees what, and each step by the right and the wrong roles.</summary>
public sealed class ConsultationApiTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static Guid Id(JsonElement request) => request.GetProperty("id").GetGuid();

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task TeacherAsksWithTopicSubjectAndTextAndGetsANumberedNewRequestDueInTenWorkingDays()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Спрашивающая");
        using var client = await f.ClientAsync(login);

        var response = await client.PostAsJsonAsync("/api/consultations",
            new { topic = "Рабочая программа по ФОП", subject = "Математика", text = "Как оформить рабочую программу по математике для 5 класса по ФОП ООО?" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().Should().Be($"/api/consultations/{Id(body)}");
        body.GetProperty("number").GetInt32().Should().BePositive();
        body.GetProperty("status").GetString().Should().Be("new");
        body.GetProperty("level").GetString().Should().Be("municipal");
        body.GetProperty("serviceMunicipalityId").GetGuid().Should().Be(f.Data.North.Id);
        body.GetProperty("dueOn").GetString().Should().Be(WorkingDays.AddWorkingDays(Today, 10).ToString("yyyy-MM-dd"));
        body.GetProperty("subjectId").GetGuid().Should().Be(TestData.Mathematics);
        body.GetProperty("assignee").GetProperty("userId").GetGuid().Should().Be(f.NorthMethodistId);
        body.GetProperty("history").EnumerateArray().Should().ContainSingle();
    }

    [Fact]
    public async Task NumbersGrowFromRequestToRequest()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.SouthSchool, "Нумерова");
        var first = await f.AskAsync(login, new { topic = "Первый вопрос", text = "Текст" });
        var second = await f.AskAsync(login, new { topic = "Второй вопрос", text = "Текст" });

        second.GetProperty("number").GetInt32().Should().BeGreaterThan(first.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task SubjectIsFoundByIdOrByNameInAnyCaseAndOtherwiseKeptAsText()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.SouthSchool, "Предметова");

        var byId = await f.AskAsync(login, new { topic = "По идентификатору", subject = ConsultationFixture.Physics.ToString(), text = "Вопрос" });
        var byName = await f.AskAsync(login, new { topic = "По названию", subject = "  ФИЗИКА ", text = "Вопрос" });
        var free = await f.AskAsync(login, new { topic = "Своими словами", subject = "Инклюзивное образование", text = "Вопрос" });

        byId.GetProperty("subjectId").GetGuid().Should().Be(ConsultationFixture.Physics);
        byId.GetProperty("subject").GetString().Should().Be("Физика");
        byName.GetProperty("subjectId").GetGuid().Should().Be(ConsultationFixture.Physics);
        free.GetProperty("subjectId").ValueKind.Should().Be(JsonValueKind.Null);
        free.GetProperty("subject").GetString().Should().Be("Инклюзивное образование");
    }

    [Theory]
    [InlineData(null, "Текст вопроса")]
    [InlineData("Тема", null)]
    [InlineData("  ", "Текст вопроса")]
    public async Task TopicAndTextAreRequired(string? topic, string? text)
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Неполнова");
        using var client = await f.ClientAsync(login);

        var response = await client.PostAsJsonAsync("/api/consultations", new { topic, subject = "Математика", text });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).Should().MatchRegex("Укажите тему|Опишите вопрос");
    }

    [Fact]
    public async Task UnknownLevelIsABadRequest()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Уровнева");
        using var client = await f.ClientAsync(login);

        var response = await client.PostAsJsonAsync("/api/consultations", new { topic = "Тема", text = "Текст", level = "federal" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TeacherOfAMunicipalityWithoutAMunicipalMethodistAsksTheRegion()
    {
        var (_, login) = await f.AddTeacherAsync(f.EastSchool, "Восточная");

        var request = await f.AskAsync(login, new { topic = "Аттестация", subject = "Математика", text = "Какие документы нужны для первой категории?" });

        request.GetProperty("level").GetString().Should().Be("regional");
        request.GetProperty("serviceMunicipalityId").ValueKind.Should().Be(JsonValueKind.Null);
        request.GetProperty("service").GetString().Should().Be("ЦНППМ");
        request.GetProperty("municipalityId").GetGuid().Should().Be(f.East.Id);
    }

    [Fact]
    public async Task AskerMayChooseTheRegionalCentreOverTheirMunicipalService()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Региональная");

        var request = await f.AskAsync(login, new { topic = "ЕГЭ", subject = "Математика", text = "Вопрос для ЦНППМ", level = "regional" });

        request.GetProperty("level").GetString().Should().Be("regional");
        request.GetProperty("assignee").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task AccountWithoutAPersonAsksAsItselfAndGoesToTheRegion()
    {
        var request = await f.AskAsync(f.SouthMethodist, new { topic = "Вопрос службы", text = "Как провести самообследование?" });

        request.GetProperty("askerName").GetString().Should().Be("south-methodist");
        request.GetProperty("level").GetString().Should().Be("regional");
    }

    [Fact]
    public async Task SchoolMethodistAsksOnBehalfOfTheOrganization()
    {
        var request = await f.AskAsync(f.NorthSchoolMethodist,
            new { topic = "ШМО", text = "Как организовать работу ШМО?", organizationId = f.Data.NorthSchool.Id });

        request.GetProperty("fromOrganization").GetBoolean().Should().BeTrue();
        request.GetProperty("askerName").GetString().Should().Be(f.Data.NorthSchool.ShortName);
        request.GetProperty("level").GetString().Should().Be("municipal");

        var (_, teacher) = await f.AddTeacherAsync(f.Data.NorthSchool, "Самозванова");
        using var client = await f.ClientAsync(teacher);
        var refused = await client.PostAsJsonAsync("/api/consultations", new { topic = "Т", text = "Т", organizationId = f.Data.NorthSchool.Id });
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RequestGoesToTheLeastLoadedMethodistOfItsSubjectAndStaysUnassignedWithoutOne()
    {
        var (west, school) = await f.AddMunicipalityAsync("Западный");
        var (_, anna) = await f.AddMethodistAsync(west, school, "Альфина", TestData.Mathematics);
        var (_, bella) = await f.AddMethodistAsync(west, school, "Бетина", TestData.Mathematics);
        var (_, physicist) = await f.AddMethodistAsync(west, school, "Физикова", ConsultationFixture.Physics);
        var (_, login) = await f.AddTeacherAsync(school, "Западная");

        var first = await f.AskAsync(login, new { topic = "Первый", subject = "Математика", text = "Вопрос" });
        var second = await f.AskAsync(login, new { topic = "Второй", subject = "Математика", text = "Вопрос" });
        var physics = await f.AskAsync(login, new { topic = "Физика", subject = "Физика", text = "Вопрос" });
        var other = await f.AskAsync(login, new { topic = "Другое", subject = "Работа с родителями", text = "Вопрос" });

        var firstAssignee = first.GetProperty("assignee").GetProperty("userId").GetGuid();
        new[] { anna, bella }.Should().Contain(firstAssignee);
        second.GetProperty("assignee").GetProperty("userId").GetGuid().Should().Be(firstAssignee == anna ? bella : anna, "the other one had no open request");
        physics.GetProperty("assignee").GetProperty("userId").GetGuid().Should().Be(physicist);
        other.GetProperty("assignee").ValueKind.Should().Be(JsonValueKind.Null);
        other.GetProperty("status").GetString().Should().Be("new");
        other.GetProperty("serviceMunicipalityId").GetGuid().Should().Be(west.Id);
        var firstId = Id(first);
        (await f.DbAsync(db => db.Notifications.CountAsync(n => n.UserId == firstAssignee && n.Link == $"/Consultations/{firstId}"))).Should().Be(1);
    }

    [Fact]
    public async Task ActiveRegionalMethodistServingTheMunicipalityGetsTheRegionsRequestAndAnswersIt()
    {
        var (south, school) = await f.AddMunicipalityAsync("Южный посёлок");
        var person = await f.Data.AddTeacherAsync(f.Data.SouthSchool, "Активистова");
        var login = await f.Data.AddUserAsync(RegionFixture.UniqueLogin("rm"), person.Id, (AppRole.Tutor, person.Id));
        await f.DbAsync(async db =>
        {
            var methodist = new RegionalMethodist { PersonId = person.Id, Status = AssetStatus.Active };
            methodist.Subjects.Add(new RegionalMethodistSubject { MethodistId = methodist.Id, SubjectId = ConsultationFixture.Physics });
            methodist.Municipalities.Add(new RegionalMethodistMunicipality { MethodistId = methodist.Id, MunicipalityId = south.Id });
            db.RegionalMethodists.Add(methodist);
            return await db.SaveChangesAsync();
        });
        var (_, teacher) = await f.AddTeacherAsync(school, "Посёлкова");

        var request = await f.AskAsync(teacher, new { topic = "Лабораторные работы", subject = "Физика", text = "Где взять перечень оборудования?" });

        request.GetProperty("level").GetString().Should().Be("regional");
        request.GetProperty("assignee").GetProperty("userId").GetGuid().Should().Be(await f.UserIdAsync(login));
        using var client = await f.ClientAsync(login);
        var answered = await client.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "Перечень — в приказе Минпросвещения № 838." });
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeskShowsEachServiceItsOwnRequestsAndATeacherOnlyTheirs()
    {
        var (_, north) = await f.AddTeacherAsync(f.Data.NorthSchool, "Северянка");
        var (_, south) = await f.AddTeacherAsync(f.Data.SouthSchool, "Южанка");
        var northRequest = await f.AskAsync(north, new { topic = "Северный вопрос про ФГОС", text = "Вопрос" });
        var southRequest = await f.AskAsync(south, new { topic = "Южный вопрос про ФГОС", text = "Вопрос" });

        using var northDesk = await f.ClientAsync(f.NorthMethodist);
        var list = await northDesk.GetFromJsonAsync<JsonElement>("/api/consultations?pageSize=200");
        var ids = list.GetProperty("items").EnumerateArray().Select(Id).ToList();
        ids.Should().Contain(Id(northRequest)).And.NotContain(Id(southRequest));
        list.GetProperty("total").GetInt32().Should().Be(ids.Count);
        (await northDesk.GetAsync($"/api/consultations/{Id(southRequest)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var emptyFilters = await northDesk.GetAsync("/api/consultations?status=&overdue=&page=");
        emptyFilters.StatusCode.Should().Be(HttpStatusCode.OK);
        (await emptyFilters.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("page").GetInt32().Should().Be(1);

        using var southTeacher = await f.ClientAsync(south);
        var own = await southTeacher.GetFromJsonAsync<JsonElement>("/api/consultations");
        own.GetProperty("items").EnumerateArray().Select(Id).Should().Equal(Id(southRequest));
        (await southTeacher.GetAsync($"/api/consultations/{Id(northRequest)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var admin = await f.ClientAsync(f.Admin);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/consultations?search=вопрос про ФГОС");
        all.GetProperty("items").EnumerateArray().Select(Id).Should().Contain([Id(northRequest), Id(southRequest)]);
    }

    [Fact]
    public async Task ServiceTakesAndAnswersAndTheAskerIsNotifiedAndCloses()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Ответная");
        var askerId = await f.UserIdAsync(login);
        var request = await f.AskAsync(login, new { topic = "Функциональная грамотность", subject = "Математика", text = "Где взять задания?" });
        using var desk = await f.ClientAsync(f.NorthMethodist);

        var taken = await desk.PostAsync($"/api/consultations/{Id(request)}/take", null);
        taken.StatusCode.Should().Be(HttpStatusCode.OK);
        (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("inProgress");
        var again = await desk.PostAsync($"/api/consultations/{Id(request)}/take", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await DetailAsync(again)).Should().Contain("новое");

        var answered = await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { answer = "Банк заданий — на портале РЭШ и в материалах ФИПИ." });
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await answered.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("answered");
        body.GetProperty("answer").GetString().Should().StartWith("Банк заданий");
        var notes = await f.DbAsync(db => db.Notifications.Where(n => n.UserId == askerId).OrderBy(n => n.CreatedAt).Select(n => n.Text).ToListAsync());
        notes.Should().HaveCount(2);
        notes[0].Should().Contain("взято в работу");
        notes[1].Should().Contain("дан ответ");

        using var asker = await f.ClientAsync(login);
        var closed = await asker.PostAsync($"/api/consultations/{Id(request)}/close", null);
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("closed");
        (await asker.PostAsync($"/api/consultations/{Id(request)}/close", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TeacherCannotAnswerAndAnotherMunicipalityCannotSeeOrAct()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Самоответова");
        var request = await f.AskAsync(login, new { topic = "ОВЗ", text = "Как адаптировать программу для ребёнка с ОВЗ?" });
        using var asker = await f.ClientAsync(login);
        using var south = await f.ClientAsync(f.SouthMethodist);

        var own = await asker.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "Сама отвечу" });
        own.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await DetailAsync(own)).Should().Contain("Отвечать на обращение может");
        (await asker.PostAsync($"/api/consultations/{Id(request)}/take", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await south.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "Чужой ответ" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.PostAsync($"/api/consultations/{Id(request)}/take", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.GetAsync($"/api/consultations/{Id(request)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnsweringANewRequestTakesItAndAnEmptyAnswerIsRefused()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Срочная");
        var request = await f.AskAsync(login, new { topic = "ОГЭ", text = "Когда пробный ОГЭ?", level = "municipal" });
        using var desk = await f.ClientAsync(f.NorthMethodist);

        (await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "  " })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var answered = await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "Пробный ОГЭ — в марте." });

        var body = await answered.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("answered");
        body.GetProperty("takenAt").ValueKind.Should().NotBe(JsonValueKind.Null);
        body.GetProperty("assignee").GetProperty("name").GetString().Should().NotBeNullOrEmpty();
        (await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/reject", new { reason = "Поздно" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RejectionNeedsAReasonThatTheAskerReceives()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Отклонённая");
        var request = await f.AskAsync(login, new { topic = "Не по адресу", text = "Где купить учебники?" });
        using var desk = await f.ClientAsync(f.NorthMethodist);

        (await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/reject", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var rejected = await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/reject", new { reason = "Вопрос не относится к методической помощи." });

        rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("rejected");
        body.GetProperty("rejectionReason").GetString().Should().Be("Вопрос не относится к методической помощи.");
        var askerId = await f.UserIdAsync(login);
        (await f.DbAsync(db => db.Notifications.AnyAsync(n => n.UserId == askerId && n.Text.Contains("не относится к методической помощи")))).Should().BeTrue();
    }

    [Fact]
    public async Task MunicipalServiceForwardsToTheRegionKeepingTheDueDateAndTheRegionReturnsIt()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Передаваемая");
        var request = await f.AskAsync(login, new { topic = "Региональный конкурс", subject = "Математика", text = "Как подать заявку на конкурс?" });
        using var north = await f.ClientAsync(f.NorthMethodist);
        using var admin = await f.ClientAsync(f.Admin);
        await north.PostAsync($"/api/consultations/{Id(request)}/take", null);

        var forwarded = await north.PostAsJsonAsync($"/api/consultations/{Id(request)}/forward", new { comment = "Конкурс проводит ЦНППМ." });

        forwarded.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await forwarded.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("level").GetString().Should().Be("regional");
        body.GetProperty("status").GetString().Should().Be("new");
        body.GetProperty("serviceMunicipalityId").ValueKind.Should().Be(JsonValueKind.Null);
        body.GetProperty("dueOn").GetString().Should().Be(request.GetProperty("dueOn").GetString());
        body.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString().Should().Contain("Передано в региональный центр");
        (await north.GetAsync($"/api/consultations/{Id(request)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/consultations/{Id(request)}/forward", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var askerId = await f.UserIdAsync(login);
        (await f.DbAsync(db => db.Notifications.AnyAsync(n => n.UserId == askerId && n.Text.Contains("передано в региональный центр")))).Should().BeTrue();

        var returned = await admin.PostAsync($"/api/consultations/{Id(request)}/return", null);

        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        var back = await returned.Content.ReadFromJsonAsync<JsonElement>();
        back.GetProperty("level").GetString().Should().Be("municipal");
        back.GetProperty("serviceMunicipalityId").GetGuid().Should().Be(f.Data.North.Id);
        (await north.GetAsync($"/api/consultations/{Id(request)}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RegionCannotReturnARequestToAMunicipalityWithoutAService()
    {
        var (_, login) = await f.AddTeacherAsync(f.EastSchool, "Невозвратная");
        var request = await f.AskAsync(login, new { topic = "Наставничество", text = "Как оформить наставничество?" });
        using var admin = await f.ClientAsync(f.Admin);

        var response = await admin.PostAsync($"/api/consultations/{Id(request)}/return", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await DetailAsync(response)).Should().Contain("вернуть обращение некому");
    }

    [Fact]
    public async Task ServiceAssignsAColleagueWhoIsNotified()
    {
        var (east, school) = await f.AddMunicipalityAsync("Назначенск");
        var (first, _) = await f.AddMethodistAsync(east, school, "Первова", ConsultationFixture.Physics);
        var (_, secondId) = await f.AddMethodistAsync(east, school, "Вторева", ConsultationFixture.Physics);
        var (_, login) = await f.AddTeacherAsync(school, "Назначаемая");
        var request = await f.AskAsync(login, new { topic = "Подготовка к ЕГЭ", subject = "Физика и астрономия", text = "Вопрос" });
        request.GetProperty("assignee").ValueKind.Should().Be(JsonValueKind.Null);
        using var desk = await f.ClientAsync(first);

        var assigned = await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/assign", new { assigneeUserId = secondId });

        assigned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetProperty("userId").GetGuid().Should().Be(secondId);
        (await f.DbAsync(db => db.Notifications.AnyAsync(n => n.UserId == secondId && n.Text.StartsWith("Вам назначено обращение")))).Should().BeTrue();
        var outsider = await f.UserIdAsync(f.SouthMethodist);
        (await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/assign", new { assigneeUserId = outsider })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OverdueRequestsAreFlaggedAndFiltered()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Просроченная");
        var request = await f.AskAsync(login, new { topic = "Просроченный вопрос", text = "Вопрос" });
        var id = Id(request);
        await f.DbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, Today.AddDays(-3))));
        using var desk = await f.ClientAsync(f.NorthMethodist);

        var overdue = await desk.GetFromJsonAsync<JsonElement>("/api/consultations?overdue=true&pageSize=200");

        var item = overdue.GetProperty("items").EnumerateArray().Single(i => Id(i) == Id(request));
        item.GetProperty("overdue").GetBoolean().Should().BeTrue();
        overdue.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("overdue").GetBoolean());
        (await desk.GetFromJsonAsync<JsonElement>($"/api/consultations/{Id(request)}")).GetProperty("overdue").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task PublishedAnswerAppearsOnThePublicListWithoutTheAskersName()
    {
        var (teacher, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Публикуемова");
        var request = await f.AskAsync(login,
            new { topic = "Оценивание метапредметных результатов", subject = "Математика", text = "Я, Публикуемова, прошу пояснить, как оценивать метапредметные результаты." });
        using var desk = await f.ClientAsync(f.NorthMethodist);
        await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "Используйте комплексные работы и критериальное оценивание." });

        var withName = await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/publish",
            new { question = "Публикуемовой нужно пояснение про метапредметные результаты.", answer = "Комплексные работы." });
        withName.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(withName)).Should().Contain("фамилия заявителя");

        var published = await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/publish",
            new { question = "Как оценивать метапредметные результаты?", answer = "Используйте комплексные работы и критериальное оценивание." });
        published.StatusCode.Should().Be(HttpStatusCode.OK);

        using var anonymous = f.App.Anonymous();
        var response = await anonymous.GetAsync("/api/answers?search=метапредметные");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var answers = JsonDocument.Parse(text).RootElement;
        answers.GetProperty("items").EnumerateArray().Select(Id).Should().Contain(Id(request));
        var item = answers.GetProperty("items").EnumerateArray().Single(i => Id(i) == Id(request));
        item.GetProperty("service").GetString().Should().Be("ММС: Северск");
        text.Should().NotContain(teacher.LastName).And.NotContain("Северова");

        (await desk.PostAsync($"/api/consultations/{Id(request)}/unpublish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await anonymous.GetFromJsonAsync<JsonElement>("/api/answers?search=метапредметные");
        after.GetProperty("items").EnumerateArray().Select(Id).Should().NotContain(Id(request));
    }

    [Fact]
    public async Task OnlyAnAnsweredRequestIsPublishedAndNotByTheAsker()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Непубликуемова");
        var request = await f.AskAsync(login, new { topic = "Тема", text = "Вопрос" });
        using var desk = await f.ClientAsync(f.NorthMethodist);
        using var asker = await f.ClientAsync(login);

        (await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/publish", new { question = "В", answer = "О" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        await desk.PostAsJsonAsync($"/api/consultations/{Id(request)}/answer", new { text = "Ответ" });
        (await asker.PostAsJsonAsync($"/api/consultations/{Id(request)}/publish", new { question = "В", answer = "О" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheDeskAndThePublicAnswers()
    {
        using var client = f.App.Anonymous();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().Contain(
            ["/api/consultations", "/api/consultations/{id}", "/api/consultations/{id}/take", "/api/consultations/{id}/answer",
             "/api/consultations/{id}/reject", "/api/consultations/{id}/close", "/api/consultations/{id}/forward", "/api/consultations/{id}/return",
             "/api/consultations/{id}/publish", "/api/answers"]);
    }
}
