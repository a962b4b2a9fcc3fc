using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Demo;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Consultations;
using Metodist.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Consultations;

/// <summary>The consultation desk of the demo region: every state, overdue and forwarded requests, published answers, and the demo accounts' part in it.</summary>
[Collection(DemoRegionGroup.Name)]
public sealed class DemoConsultationsTests(DemoRegionFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    [Fact]
    public async Task DeskHoldsAboutAHundredAndTwentyRequestsOfTheLastFourMonthsInEveryState()
    {
        var requests = await fixture.QueryAsync(db => db.ConsultationRequests.AsNoTracking().Include(r => r.History).ToListAsync());

        requests.Should().HaveCount(120);
        requests.Select(r => r.Number).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enumerable.Range(1, 120));
        requests.Select(r => r.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<ConsultationStatus>());
        requests.Should().OnlyContain(r => ConsultationList.LocalDay(r.CreatedAt) >= Today.AddDays(-121));
        requests.Count(r => ConsultationWorkflow.IsOverdue(r.Status, r.DueOn, Today)).Should().BeInRange(3, 15);
        requests.Where(r => r.Status == ConsultationStatus.Rejected).Should().OnlyContain(r => !string.IsNullOrEmpty(r.RejectionReason));
        requests.Count(r => r.History.Any(h => h.Comment != null && h.Comment.StartsWith("Передано в региональный центр", StringComparison.Ordinal)))
            .Should().BeGreaterThanOrEqualTo(2);
        foreach (var r in requests)
        {
            r.DueOn.Should().Be(WorkingDays.AddWorkingDays(ConsultationList.LocalDay(r.CreatedAt), 10));
            r.History.OrderBy(h => h.At).First().To.Should().Be(ConsultationStatus.New);
            r.History.OrderBy(h => h.At).Last(h => h.From != h.To || h.To == ConsultationStatus.New).To.Should().Be(r.Status, $"№ {r.Number}");
            if (r.TakenAt is { } taken) taken.Should().BeAfter(r.CreatedAt);
            if (r.AnsweredAt is { } answered) answered.Should().BeAfter(r.TakenAt!.Value);
            if (r.ClosedAt is { } closed) closed.Should().BeAfter(r.AnsweredAt ?? r.CreatedAt);
            (r.Level == ConsultationLevel.Municipal).Should().Be(r.ServiceMunicipalityId is not null);
        }
    }

    [Fact]
    public async Task AboutADozenAnswersArePublishedWithoutTheAskersNames()
    {
        var published = await fixture.QueryAsync(db => db.ConsultationRequests.AsNoTracking().Where(r => r.IsPublished)
            .Select(r => new { r.PublicQuestion, r.PublicAnswer, r.Status, Asker = r.AskerPerson!.LastName }).ToListAsync());

        published.Should().HaveCountGreaterThanOrEqualTo(10).And.HaveCountLessThanOrEqualTo(15);
        published.Should().OnlyContain(p => p.Status == ConsultationStatus.Answered || p.Status == ConsultationStatus.Closed);
        published.Should().OnlyContain(p => !p.PublicQuestion!.Contains(p.Asker) && !p.PublicAnswer!.Contains(p.Asker));

        using var anonymous = fixture.App.Anonymous();
        var answers = await anonymous.GetFromJsonAsync<JsonElement>("/api/answers?pageSize=100");
        answers.GetProperty("total").GetInt32().Should().Be(published.Count);
    }

    [Fact]
    public async Task DemoTeacherHasAClosedAnInProgressAndAnAnsweredRequestWithAnUnreadNotice()
    {
        var teacher = DemoIds.Account("teacher");
        var (requests, unread) = await fixture.QueryAsync(async db => (
            await db.ConsultationRequests.AsNoTracking().Where(r => r.AskerUserId == teacher).Select(r => new { r.Id, r.Status }).ToListAsync(),
            await db.Notifications.AsNoTracking().Where(n => n.UserId == teacher && n.ReadAt == null).Select(n => new { n.Text, n.Link }).ToListAsync()));

        requests.Select(r => r.Status).Should().BeEquivalentTo([ConsultationStatus.Closed, ConsultationStatus.InProgress, ConsultationStatus.Answered]);
        var answered = requests.Single(r => r.Status == ConsultationStatus.Answered);
        unread.Should().Contain(n => n.Link == $"/Consultations/{answered.Id}" && n.Text.Contains("дан ответ"));

        using var client = await fixture.App.ApiClientAsync("teacher", DemoRegionFixture.Password);
        var own = await client.GetFromJsonAsync<JsonElement>("/api/consultations");
        own.GetProperty("total").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task MunicipalMethodistOfTheDemoHasABusyDeskWithRequestsAssignedToThem()
    {
        using var client = await fixture.App.ApiClientAsync("mmc", DemoRegionFixture.Password);

        var desk = await client.GetFromJsonAsync<JsonElement>("/api/consultations?pageSize=200");
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/consultations?assignee=mine&pageSize=200");
        var open = await client.GetFromJsonAsync<JsonElement>("/api/consultations?status=new&pageSize=200");

        desk.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(30);
        desk.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("level").GetString() == "municipal");
        mine.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(10);
        open.GetProperty("total").GetInt32().Should().BePositive();

        using var session = await BrowserSession.SignedInAsync(fixture.App, "mmc", DemoRegionFixture.Password);
        var page = await session.GetPageAsync("/Consultations");
        page.QuerySelectorAll("table.list tbody tr").Should().HaveCount(30);
        (await session.Client.GetAsync("/Consultations?handler=Export")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RegionalCentreSeesTheWholeDeskAndThePublicListShowsTheAnswers()
    {
        using var session = await BrowserSession.SignedInAsync(fixture.App, "admin", DemoRegionFixture.Password);
        var page = await session.GetPageAsync("/Consultations?status=new");
        page.QuerySelector("main")!.TextContent.Should().Contain("Региональный центр (ЦНППМ): все обращения региона");
        var export = XlsxSheet.Read(await (await session.Client.GetAsync("/Consultations?handler=Export")).Content.ReadAsByteArrayAsync());
        export.Rows.Should().HaveCount(120);

        using var anonymous = BrowserSession.Open(fixture.App);
        var answers = await anonymous.GetPageAsync("/Answers");
        answers.QuerySelectorAll("article.card").Should().HaveCountGreaterThanOrEqualTo(10);
    }
}
