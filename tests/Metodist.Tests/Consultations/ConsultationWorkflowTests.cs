using Metodist.Web.Features.Consultations;

namespace Metodist.Tests.Consultations;

[Trait("Category", "Unit")]
public sealed class ConsultationWorkflowTests
{
    private static readonly ConsultationActor Asker = new(IsAsker: true, IsService: false, IsAssignee: false, IsRegionCentre: false);
    private static readonly ConsultationActor MunicipalService = new(IsAsker: false, IsService: true, IsAssignee: false, IsRegionCentre: false);
    private static readonly ConsultationActor Centre = new(IsAsker: false, IsService: true, IsAssignee: false, IsRegionCentre: true);
    private static readonly ConsultationActor Assignee = new(IsAsker: false, IsService: false, IsAssignee: true, IsRegionCentre: false);

    private static ConsultationOpStatus Check(ConsultationAction action, ConsultationStatus status, ConsultationActor actor,
        ConsultationLevel level = ConsultationLevel.Municipal) => ConsultationWorkflow.Check(action, status, level, actor).Status;

    [Fact]
    public void AskerCanNeitherTakeNorAnswerNorReject()
    {
        Check(ConsultationAction.Take, ConsultationStatus.New, Asker).Should().Be(ConsultationOpStatus.Forbidden);
        Check(ConsultationAction.Answer, ConsultationStatus.InProgress, Asker).Should().Be(ConsultationOpStatus.Forbidden);
        Check(ConsultationAction.Reject, ConsultationStatus.New, Asker).Should().Be(ConsultationOpStatus.Forbidden);
        Check(ConsultationAction.Publish, ConsultationStatus.Answered, Asker).Should().Be(ConsultationOpStatus.Forbidden);
    }

    [Fact]
    public void ServiceTakesANewRequestOnlyOnce()
    {
        Check(ConsultationAction.Take, ConsultationStatus.New, MunicipalService).Should().Be(ConsultationOpStatus.Ok);
        var again = ConsultationWorkflow.Check(ConsultationAction.Take, ConsultationStatus.InProgress, ConsultationLevel.Municipal, MunicipalService);
        again.Status.Should().Be(ConsultationOpStatus.Conflict);
        again.Message.Should().Contain("«в работе»");
    }

    [Theory]
    [InlineData(ConsultationStatus.New)]
    [InlineData(ConsultationStatus.InProgress)]
    public void OpenRequestsCanBeAnsweredAndRejected(ConsultationStatus status)
    {
        Check(ConsultationAction.Answer, status, Assignee).Should().Be(ConsultationOpStatus.Ok);
        Check(ConsultationAction.Reject, status, MunicipalService).Should().Be(ConsultationOpStatus.Ok);
    }

    [Theory]
    [InlineData(ConsultationStatus.Answered)]
    [InlineData(ConsultationStatus.Closed)]
    [InlineData(ConsultationStatus.Rejected)]
    public void FinishedRequestsCannotBeAnsweredRejectedOrForwarded(ConsultationStatus status)
    {
        Check(ConsultationAction.Answer, status, MunicipalService).Should().Be(ConsultationOpStatus.Conflict);
        Check(ConsultationAction.Reject, status, MunicipalService).Should().Be(ConsultationOpStatus.Conflict);
        Check(ConsultationAction.Forward, status, MunicipalService).Should().Be(ConsultationOpStatus.Conflict);
    }

    [Fact]
    public void AskerOrServiceClosesOnlyAnAnsweredRequest()
    {
        Check(ConsultationAction.Close, ConsultationStatus.Answered, Asker).Should().Be(ConsultationOpStatus.Ok);
        Check(ConsultationAction.Close, ConsultationStatus.Answered, MunicipalService).Should().Be(ConsultationOpStatus.Ok);
        Check(ConsultationAction.Close, ConsultationStatus.InProgress, Asker).Should().Be(ConsultationOpStatus.Conflict);
        Check(ConsultationAction.Close, ConsultationStatus.Closed, Asker).Should().Be(ConsultationOpStatus.Conflict);
    }

    [Fact]
    public void OnlyTheMunicipalLevelForwardsAndOnlyTheCentreReturns()
    {
        Check(ConsultationAction.Forward, ConsultationStatus.InProgress, MunicipalService).Should().Be(ConsultationOpStatus.Ok);
        Check(ConsultationAction.Forward, ConsultationStatus.New, Centre, ConsultationLevel.Regional).Should().Be(ConsultationOpStatus.Conflict);
        Check(ConsultationAction.Forward, ConsultationStatus.New, Assignee).Should().Be(ConsultationOpStatus.Forbidden);
        Check(ConsultationAction.Return, ConsultationStatus.New, Centre, ConsultationLevel.Regional).Should().Be(ConsultationOpStatus.Ok);
        Check(ConsultationAction.Return, ConsultationStatus.New, MunicipalService, ConsultationLevel.Regional).Should().Be(ConsultationOpStatus.Forbidden);
    }

    [Fact]
    public void OnlyAnsweredOrClosedRequestsArePublished()
    {
        Check(ConsultationAction.Publish, ConsultationStatus.Closed, MunicipalService).Should().Be(ConsultationOpStatus.Ok);
        Check(ConsultationAction.Publish, ConsultationStatus.InProgress, MunicipalService).Should().Be(ConsultationOpStatus.Conflict);
    }

    [Fact]
    public void AllowedActionsOfTheAskerOfAnAnsweredRequestAreOnlyClosing() =>
        ConsultationWorkflow.Allowed(ConsultationStatus.Answered, ConsultationLevel.Municipal, Asker).Should().BeEquivalentTo([ConsultationAction.Close]);

    [Fact]
    public void OpenRequestAfterItsDueDateIsOverdueAndAnAnsweredOneIsNot()
    {
        var due = new DateOnly(2026, 11, 20);
        ConsultationWorkflow.IsOverdue(ConsultationStatus.InProgress, due, due).Should().BeFalse();
        ConsultationWorkflow.IsOverdue(ConsultationStatus.InProgress, due, due.AddDays(1)).Should().BeTrue();
        ConsultationWorkflow.IsOverdue(ConsultationStatus.New, due, due.AddDays(1)).Should().BeTrue();
        ConsultationWorkflow.IsOverdue(ConsultationStatus.Answered, due, due.AddDays(5)).Should().BeFalse();
    }

    [Fact]
    public void DeadlineBadgeWarnsOnTheDayBeforeAndTheDayItself()
    {
        var due = new DateOnly(2026, 11, 25);
        ConsultationWorkflow.DeadlineBadge(ConsultationStatus.New, due, due.AddDays(-2)).Should().BeNull();
        ConsultationWorkflow.DeadlineBadge(ConsultationStatus.New, due, due.AddDays(-1))!.Value.Text.Should().Be("срок завтра");
        ConsultationWorkflow.DeadlineBadge(ConsultationStatus.InProgress, due, due)!.Value.Text.Should().Be("срок сегодня");
        ConsultationWorkflow.DeadlineBadge(ConsultationStatus.InProgress, due, due.AddDays(1))!.Value.Css.Should().Be("badge bad");
        ConsultationWorkflow.DeadlineBadge(ConsultationStatus.Closed, due, due.AddDays(1)).Should().BeNull();
    }

    [Fact]
    public void AnswerLeftTenDaysWaitsToBeClosed()
    {
        var answered = new DateOnly(2026, 11, 2);
        ConsultationWorkflow.IsAwaitingClose(ConsultationStatus.Answered, answered, answered.AddDays(9)).Should().BeFalse();
        ConsultationWorkflow.IsAwaitingClose(ConsultationStatus.Answered, answered, answered.AddDays(10)).Should().BeTrue();
        ConsultationWorkflow.IsAwaitingClose(ConsultationStatus.Closed, answered, answered.AddDays(30)).Should().BeFalse();
    }

    [Fact]
    public void NamesAreTakenOutOfTheDraftForPublication() =>
        ConsultationDesk.Scrub("Я, Корельская Виктория, прошу помочь; Корельской нужен образец.", ["Корельская", "Виктория"])
            .Should().Be("Я, … …, прошу помочь; … нужен образец.");
}
