using Metodist.Web.Features.Asset;

namespace Metodist.Tests.Asset;

[Trait("Category", "Unit")]
public sealed class AssetWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private const string Course = "Трансформация методической службы и организация методического сопровождения педагогов";

    private static RegionalMethodist In(AssetStatus status) => new() { Status = status };

    [Theory]
    [InlineData(AssetStatus.Candidate, AssetStatus.Assessed)]
    [InlineData(AssetStatus.Assessed, AssetStatus.Trained)]
    [InlineData(AssetStatus.Trained, AssetStatus.Active)]
    public void EachStatusLeadsToTheNextOrOutOfTheAsset(AssetStatus from, AssetStatus next) =>
        AssetWorkflow.Next(from).Should().Equal(next, AssetStatus.Withdrawn);

    [Fact]
    public void AnActiveMethodistCanOnlyBeWithdrawnAndAWithdrawnOneGoesNowhere()
    {
        AssetWorkflow.Next(AssetStatus.Active).Should().Equal(AssetStatus.Withdrawn);
        AssetWorkflow.Next(AssetStatus.Withdrawn).Should().BeEmpty();
    }

    [Theory]
    [InlineData(AssetStatus.Candidate, AssetStatus.Active)]
    [InlineData(AssetStatus.Candidate, AssetStatus.Trained)]
    [InlineData(AssetStatus.Assessed, AssetStatus.Candidate)]
    [InlineData(AssetStatus.Active, AssetStatus.Trained)]
    [InlineData(AssetStatus.Withdrawn, AssetStatus.Active)]
    public void SkippingOrGoingBackIsNotAllowed(AssetStatus from, AssetStatus to)
    {
        var check = AssetWorkflow.Check(In(from), new AssetTransitionInput(to, Today, "80 баллов", Guid.NewGuid(), null, "причина"), Course, Today);

        check.Problem.Should().Be(AssetTransitionProblem.NotAllowed);
        check.Message.Should().Contain("статус");
    }

    [Fact]
    public void TheAssessmentNeedsADateAndAResult()
    {
        AssetWorkflow.Check(In(AssetStatus.Candidate), new AssetTransitionInput(AssetStatus.Assessed, null, "82 балла"), null, Today)
            .Problem.Should().Be(AssetTransitionProblem.Invalid);
        AssetWorkflow.Check(In(AssetStatus.Candidate), new AssetTransitionInput(AssetStatus.Assessed, Today, " "), null, Today)
            .Message.Should().Contain("результат");
        AssetWorkflow.Check(In(AssetStatus.Candidate), new AssetTransitionInput(AssetStatus.Assessed, Today.AddDays(1), "82 балла"), null, Today)
            .Message.Should().Contain("будущем");
        AssetWorkflow.Check(In(AssetStatus.Candidate), new AssetTransitionInput(AssetStatus.Assessed, Today, "82 балла из 100 — рекомендован"), null, Today)
            .Allowed.Should().BeTrue();
    }

    [Fact]
    public void TheTrainingNeedsACourseOfTheCatalogueAndCannotEndBeforeTheAssessment()
    {
        var assessed = new RegionalMethodist { Status = AssetStatus.Assessed, AssessedOn = new DateOnly(2026, 4, 10) };

        AssetWorkflow.Check(assessed, new AssetTransitionInput(AssetStatus.Trained, Today), null, Today).Message.Should().Contain("курс");
        AssetWorkflow.Check(assessed, new AssetTransitionInput(AssetStatus.Trained, Today, CourseId: Guid.NewGuid()), null, Today)
            .Message.Should().Contain("не найден");
        AssetWorkflow.Check(assessed, new AssetTransitionInput(AssetStatus.Trained, new DateOnly(2026, 4, 9), CourseId: Guid.NewGuid()), Course, Today)
            .Problem.Should().Be(AssetTransitionProblem.Invalid);
        AssetWorkflow.Check(assessed, new AssetTransitionInput(AssetStatus.Trained, new DateOnly(2026, 10, 17), CourseId: Guid.NewGuid()), Course, Today)
            .Allowed.Should().BeTrue();
    }

    [Fact]
    public void WithdrawalNeedsAReason()
    {
        AssetWorkflow.Check(In(AssetStatus.Active), new AssetTransitionInput(AssetStatus.Withdrawn, Today), null, Today).Message.Should().Contain("причину");
        AssetWorkflow.Check(In(AssetStatus.Candidate), new AssetTransitionInput(AssetStatus.Withdrawn, Today, Reason: "Переезд в другой регион"), null, Today)
            .Allowed.Should().BeTrue();
    }

    [Fact]
    public void EachStepKeepsItsDataAndLeavesALineInTheHistory()
    {
        var methodist = In(AssetStatus.Candidate);
        var courseId = Guid.NewGuid();
        var now = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

        var steps = new[]
        {
            AssetWorkflow.Apply(methodist, new AssetTransitionInput(AssetStatus.Assessed, new DateOnly(2025, 4, 15), " 82 балла из 100 — рекомендован "), null, "admin", now),
            AssetWorkflow.Apply(methodist, new AssetTransitionInput(AssetStatus.Trained, new DateOnly(2025, 10, 17), CourseId: courseId), Course, "admin", now),
            AssetWorkflow.Apply(methodist, new AssetTransitionInput(AssetStatus.Active, new DateOnly(2025, 11, 1), OrderNumber: "512-о"), null, "admin", now),
        };

        methodist.Status.Should().Be(AssetStatus.Active);
        (methodist.AssessedOn, methodist.AssessmentResult).Should().Be((new DateOnly(2025, 4, 15), "82 балла из 100 — рекомендован"));
        (methodist.TrainingCourseId, methodist.TrainedOn).Should().Be((courseId, new DateOnly(2025, 10, 17)));
        (methodist.ActiveSince, methodist.OrderNumber).Should().Be((new DateOnly(2025, 11, 1), "512-о"));
        steps.Select(s => (s.From, s.To)).Should().Equal(
            (AssetStatus.Candidate, AssetStatus.Assessed), (AssetStatus.Assessed, AssetStatus.Trained), (AssetStatus.Trained, AssetStatus.Active));
        steps[0].Comment.Should().Be("Оценка методических компетенций 15.04.2025: 82 балла из 100 — рекомендован");
        steps[1].Comment.Should().Contain(Course);
        steps[2].Comment.Should().Contain("приказ № 512-о");
    }
}
