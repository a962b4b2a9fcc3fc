using Metodist.Web.Features.Routes;

namespace Metodist.Tests.Routes;

[Trait("Category", "Unit")]
public sealed class RouteWorkflowTests
{
    private static readonly Dictionary<string, RouteActor> Actors = new()
    {
        ["teacher"] = new(IsOwner: true, IsTutor: false, IsSchoolMethodist: false, IsMunicipalMethodist: false, IsRegionCentre: false),
        ["tutor"] = new(IsOwner: false, IsTutor: true, IsSchoolMethodist: false, IsMunicipalMethodist: false, IsRegionCentre: false),
        ["school"] = new(IsOwner: false, IsTutor: false, IsSchoolMethodist: true, IsMunicipalMethodist: false, IsRegionCentre: false),
        ["municipal"] = new(IsOwner: false, IsTutor: false, IsSchoolMethodist: false, IsMunicipalMethodist: true, IsRegionCentre: false),
        ["region"] = new(IsOwner: false, IsTutor: false, IsSchoolMethodist: false, IsMunicipalMethodist: false, IsRegionCentre: true),
        ["nobody"] = RouteActor.Nobody,
    };

    private static readonly RouteStatus[] Statuses = Enum.GetValues<RouteStatus>();

    public static TheoryData<RouteStatus, string, RouteStatus[]> AllowedSteps => new()
    {
        { RouteStatus.Draft, "teacher", [RouteStatus.Submitted] },
        { RouteStatus.Draft, "tutor", [RouteStatus.Submitted] },
        { RouteStatus.Draft, "school", [RouteStatus.Submitted] },
        { RouteStatus.Draft, "municipal", [RouteStatus.Submitted] },
        { RouteStatus.Draft, "region", [RouteStatus.Submitted] },
        { RouteStatus.Draft, "nobody", [] },
        { RouteStatus.Submitted, "teacher", [] },
        { RouteStatus.Submitted, "tutor", [] },
        { RouteStatus.Submitted, "school", [RouteStatus.Draft] },
        { RouteStatus.Submitted, "municipal", [RouteStatus.Draft] },
        { RouteStatus.Submitted, "region", [RouteStatus.Draft, RouteStatus.Approved] },
        { RouteStatus.Submitted, "nobody", [] },
        { RouteStatus.Approved, "teacher", [RouteStatus.InProgress] },
        { RouteStatus.Approved, "tutor", [RouteStatus.InProgress] },
        { RouteStatus.Approved, "school", [RouteStatus.InProgress] },
        { RouteStatus.Approved, "municipal", [RouteStatus.InProgress] },
        { RouteStatus.Approved, "region", [RouteStatus.Draft, RouteStatus.InProgress] },
        { RouteStatus.Approved, "nobody", [] },
        { RouteStatus.InProgress, "teacher", [] },
        { RouteStatus.InProgress, "tutor", [RouteStatus.Completed, RouteStatus.NotCompleted] },
        { RouteStatus.InProgress, "school", [RouteStatus.Completed, RouteStatus.NotCompleted] },
        { RouteStatus.InProgress, "municipal", [RouteStatus.Completed, RouteStatus.NotCompleted] },
        { RouteStatus.InProgress, "region", [RouteStatus.Completed, RouteStatus.NotCompleted] },
        { RouteStatus.InProgress, "nobody", [] },
    };

    [Theory]
    [MemberData(nameof(AllowedSteps))]
    public void EachActorMayTakeExactlyTheStepsOfItsRole(RouteStatus from, string actor, RouteStatus[] allowed) =>
        RouteWorkflow.Allowed(from, Actors[actor]).Should().BeEquivalentTo(allowed);

    [Theory]
    [InlineData(RouteStatus.Completed)]
    [InlineData(RouteStatus.NotCompleted)]
    public void ClosedRouteOffersNoStepToAnyone(RouteStatus closed)
    {
        foreach (var (name, actor) in Actors) RouteWorkflow.Allowed(closed, actor).Should().BeEmpty(name);
    }

    [Fact]
    public void CheckAgreesWithTheAllowedStepsForEveryStateTargetAndActor()
    {
        foreach (var from in Statuses)
        foreach (var to in Statuses)
        foreach (var (name, actor) in Actors)
        {
            var allowed = RouteWorkflow.Allowed(from, actor).Contains(to);
            var check = RouteWorkflow.Check(from, to, actor, "Исправьте сроки курсов");
            check.Allowed.Should().Be(allowed, $"{name}: {from} → {to}");
            if (!allowed)
            {
                check.Problem.Should().Be(TransitionProblem.Forbidden, $"{name}: {from} → {to}");
                check.Message.Should().MatchRegex("[А-Яа-яЁё]", "the refusal is shown to a person in Russian");
            }
        }
    }

    [Theory]
    [InlineData(RouteStatus.Submitted, RouteStatus.Approved, "teacher",
        "Перевести маршрут из состояния «на согласовании» в «утверждён» может ЦНППМ (администратор региона).")]
    [InlineData(RouteStatus.Submitted, RouteStatus.Approved, "school",
        "Перевести маршрут из состояния «на согласовании» в «утверждён» может ЦНППМ (администратор региона).")]
    [InlineData(RouteStatus.InProgress, RouteStatus.Completed, "teacher",
        "Перевести маршрут из состояния «выполняется» в «завершён» может тьютор или методист.")]
    [InlineData(RouteStatus.Draft, RouteStatus.Approved, "region",
        "Из состояния «черновик» маршрут нельзя перевести в «утверждён»; возможно: «на согласовании».")]
    [InlineData(RouteStatus.Draft, RouteStatus.Draft, "region", "Маршрут уже в состоянии «черновик».")]
    // The role is checked before the comment: a teacher sending back without a comment learns they may not send back at all.
    [InlineData(RouteStatus.Submitted, RouteStatus.Draft, "teacher",
        "Перевести маршрут из состояния «на согласовании» в «черновик» может методист образовательной организации, муниципальной службы или ЦНППМ.")]
    public void RefusalSaysWhyAndWhoMay(RouteStatus from, RouteStatus to, string actor, string message)
    {
        var check = RouteWorkflow.Check(from, to, Actors[actor], null);

        check.Problem.Should().Be(TransitionProblem.Forbidden);
        check.Message.Should().Be(message);
    }

    [Theory]
    [InlineData(RouteStatus.Completed, "завершён")]
    [InlineData(RouteStatus.NotCompleted, "не завершён")]
    public void ClosedRouteRefusesEveryStepSayingItIsClosed(RouteStatus closed, string title)
    {
        foreach (var to in Statuses.Where(s => s != closed))
        {
            var check = RouteWorkflow.Check(closed, to, Actors["region"], "комментарий");
            check.Problem.Should().Be(TransitionProblem.Forbidden);
            check.Message.Should().Be($"Маршрут в состоянии «{title}» закрыт: его состояние больше не меняется.");
        }
    }

    [Theory]
    [InlineData(RouteStatus.Submitted, RouteStatus.Draft, "school", "Укажите в комментарии, что нужно исправить в маршруте.")]
    [InlineData(RouteStatus.Submitted, RouteStatus.Draft, "region", "Укажите в комментарии, что нужно исправить в маршруте.")]
    [InlineData(RouteStatus.Approved, RouteStatus.Draft, "region", "Укажите в комментарии, что нужно исправить в маршруте.")]
    [InlineData(RouteStatus.InProgress, RouteStatus.NotCompleted, "tutor", "Укажите причину, по которой маршрут не завершён.")]
    [InlineData(RouteStatus.InProgress, RouteStatus.NotCompleted, "municipal", "Укажите причину, по которой маршрут не завершён.")]
    public void SendingBackAndClosingAsNotCompletedNeedAComment(RouteStatus from, RouteStatus to, string actor, string message)
    {
        RouteWorkflow.NeedsComment(from, to).Should().BeTrue();
        foreach (var blank in new[] { null, "", "   " })
        {
            var check = RouteWorkflow.Check(from, to, Actors[actor], blank);
            check.Problem.Should().Be(TransitionProblem.CommentRequired);
            check.Message.Should().Be(message);
        }
        RouteWorkflow.Check(from, to, Actors[actor], "Нет удостоверения о курсах").Allowed.Should().BeTrue();
    }

    [Theory]
    [InlineData(RouteStatus.Draft, RouteStatus.Submitted)]
    [InlineData(RouteStatus.Submitted, RouteStatus.Approved)]
    [InlineData(RouteStatus.Approved, RouteStatus.InProgress)]
    [InlineData(RouteStatus.InProgress, RouteStatus.Completed)]
    public void ForwardStepsNeedNoComment(RouteStatus from, RouteStatus to)
    {
        RouteWorkflow.NeedsComment(from, to).Should().BeFalse();
        RouteWorkflow.Check(from, to, Actors["region"], null).Allowed.Should().BeTrue();
    }

    [Theory]
    [InlineData("school")]
    [InlineData("municipal")]
    public void MethodistOfTheSchoolOrMunicipalityAgreesASubmittedRoute(string actor) =>
        RouteWorkflow.CheckAgreement(new DevelopmentRoute { Status = RouteStatus.Submitted }, Actors[actor]).Allowed.Should().BeTrue();

    [Theory]
    [InlineData("teacher")]
    [InlineData("tutor")]
    [InlineData("region")]
    [InlineData("nobody")]
    public void OnlyAMethodistOfTheSchoolOrMunicipalityAgreesForTheOrganization(string actor)
    {
        var check = RouteWorkflow.CheckAgreement(new DevelopmentRoute { Status = RouteStatus.Submitted }, Actors[actor]);

        check.Problem.Should().Be(TransitionProblem.Forbidden);
        check.Message.Should().Be("Согласовать маршрут от имени образовательной организации может её методист (заместитель руководителя) или методист муниципальной службы.");
    }

    [Fact]
    public void RouteIsAgreedOnlyWhileSubmittedAndOnlyOnce()
    {
        var draft = RouteWorkflow.CheckAgreement(new DevelopmentRoute { Status = RouteStatus.Draft }, Actors["school"]);
        var agreed = RouteWorkflow.CheckAgreement(new DevelopmentRoute { Status = RouteStatus.Submitted, OrganizationAgreedAt = DateTime.UtcNow }, Actors["school"]);

        draft.Message.Should().Be("Согласовать можно только маршрут на согласовании; этот — «черновик».");
        agreed.Message.Should().Be("Маршрут уже согласован образовательной организацией.");
        new[] { draft, agreed }.Should().OnlyContain(c => c.Problem == TransitionProblem.Forbidden);
    }

    [Fact]
    public void TeacherEditsTheDraftButOnlyTutorsAndMethodistsFollowTheRoute()
    {
        Actors.Where(a => a.Value.CanEditDraft).Select(a => a.Key).Should().BeEquivalentTo(["teacher", "tutor", "school", "municipal", "region"]);
        Actors.Where(a => a.Value.CanFollow).Select(a => a.Key).Should().BeEquivalentTo(["tutor", "school", "municipal", "region"]);
    }
}
