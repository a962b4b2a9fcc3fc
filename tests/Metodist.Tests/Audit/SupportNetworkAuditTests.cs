using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Mentoring;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Audit;

/// <summary>
/// Who mentors whom, who is in the methodical asset and who is assigned to whom, and a teacher's requests for help are
/// personal data: every change to them is in the audit log under the person it concerns.
/// </summary>
public sealed class SupportNetworkAuditTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    private Task<List<AuditEntry>> EntriesOfAsync(Guid personId, string entityType) =>
        f.App.ReadAsync(db => db.AuditEntries.Where(e => e.PersonId == personId && e.EntityType == entityType).OrderBy(e => e.At).ToListAsync());

    [Fact]
    public async Task APairAndItsClosingAreWrittenUnderTheMenteeAndTheMentor()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Журналова");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Проверкина");
        using var client = await f.ClientAsync(f.NorthMethodist);
        var pair = await client.CreatePairAsync(mentor.Id, young.Id);

        var close = await client.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/close", new { evaluation = "Программа адаптации выполнена", score = 5 });
        close.StatusCode.Should().Be(HttpStatusCode.OK, await close.Content.ReadAsStringAsync());

        var mentee = await EntriesOfAsync(young.Id, "Наставничество");
        mentee.Should().ContainSingle(e => e.Action == AuditAction.Created).Which.NewValue.Should().Contain(mentor.ShortName);
        mentee.Single().UserName.Should().NotBeNullOrEmpty();
        var mentorEntries = await EntriesOfAsync(mentor.Id, "Наставничество");
        mentorEntries.Should().Contain(e => e.Action == AuditAction.Created);
        mentorEntries.Should().Contain(e => e.Action == AuditAction.Updated && e.Field == "Состояние пары" && e.NewValue == "завершена");
    }

    [Fact]
    public async Task JoiningTheAssetAndAnAssignmentAreWrittenUnderThePeopleConcerned()
    {
        var candidate = await f.AddExperiencedAsync(f.Data.NorthSchool, "Активова");
        var (teacher, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Закреплёнова");
        using var admin = await f.ClientAsync(f.Admin);
        var created = await admin.PostAsJsonAsync("/api/asset/methodists", new { teacherId = candidate.Id, examExpert = true });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var methodistId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await EntriesOfAsync(candidate.Id, "Методический актив")).Should().Contain(e => e.Action == AuditAction.Created);

        await f.App.ReadAsync(async db =>
        {
            var m = await db.RegionalMethodists.SingleAsync(x => x.Id == methodistId);
            m.Status = Web.Features.Asset.AssetStatus.Active;
            m.ActiveSince = MentoringTestData.Today;
            await db.SaveChangesAsync();
            return 0;
        });
        (await EntriesOfAsync(candidate.Id, "Методический актив")).Should()
            .Contain(e => e.Field == "Статус в методическом активе" && e.NewValue == "действующий региональный методист");

        var assigned = await admin.PostAsJsonAsync($"/api/asset/methodists/{methodistId}/assignments", new { teacherIds = new[] { teacher.Id } });
        assigned.StatusCode.Should().Be(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await EntriesOfAsync(teacher.Id, "Закрепление за региональным методистом")).Should()
            .ContainSingle(e => e.Action == AuditAction.Created).Which.NewValue.Should().Contain("Активова");
    }

    [Fact]
    public async Task ARequestForHelpAndItsAnswerAreWrittenUnderTheAsker()
    {
        var (teacher, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Вопросова");
        using var asker = await f.ClientAsync(login);
        var created = await asker.PostAsJsonAsync("/api/consultations", new { topic = "Рабочая программа по ФОП", subject = "Математика", text = "Как учесть ФОП в рабочей программе?" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var methodist = await f.ClientAsync(f.NorthMethodist);
        var answer = await methodist.PostAsJsonAsync($"/api/consultations/{id}/answer", new { text = "Рабочая программа составляется в конструкторе на основе ФОП." });
        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());

        var entries = await EntriesOfAsync(teacher.Id, "Обращение за методической помощью");
        entries.Should().Contain(e => e.Action == AuditAction.Created);
        entries.Should().Contain(e => e.Field == "Состояние обращения" && e.NewValue == "ответ дан");
    }
}
