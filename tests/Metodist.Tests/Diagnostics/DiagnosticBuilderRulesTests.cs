using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Diagnostics.Tests;

namespace Metodist.Tests.Diagnostics;

[Trait("Category", "Unit")]
public sealed class DiagnosticBuilderRulesTests
{
    private static DiagnosticForm Header(int? noDeficitFrom, int? partialFrom, int? timeLimit = null) =>
        new() { Title = "Диагностика", Kind = DiagnosticKind.OnlineTest, NoDeficitFrom = noDeficitFrom, PartialFrom = partialFrom, TimeLimitMinutes = timeLimit };

    [Theory]
    [InlineData(70, 40)]
    [InlineData(100, 0)]
    [InlineData(1, 0)]
    [InlineData(100, 99)]
    public void ThresholdsFromZeroBelowTheUpperOneUpToAHundredAreAccepted(int noDeficitFrom, int partialFrom) =>
        DiagnosticBuilder.Validate(Header(noDeficitFrom, partialFrom)).Should().BeEmpty();

    [Theory]
    [InlineData(40, 40, "PartialFrom")]
    [InlineData(40, 70, "PartialFrom")]
    [InlineData(101, 40, "NoDeficitFrom")]
    [InlineData(70, -1, "PartialFrom")]
    [InlineData(null, 40, "NoDeficitFrom")]
    [InlineData(70, null, "PartialFrom")]
    public void ThresholdsOutOfOrderOrRangeAreRefusedAtTheirField(int? noDeficitFrom, int? partialFrom, string field) =>
        DiagnosticBuilder.Validate(Header(noDeficitFrom, partialFrom)).Should().ContainKey(field);

    [Fact]
    public void PartialThresholdNotBelowTheUpperOneIsExplainedInRussian() =>
        DiagnosticBuilder.Validate(Header(50, 60))["PartialFrom"].Should().Be("Порог «частичный дефицит» должен быть меньше порога «нет дефицита».");

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void TimeLimitIsFromOneMinuteToTenHours(int minutes) =>
        DiagnosticBuilder.Validate(Header(70, 40, minutes)).Should().ContainKey("TimeLimitMinutes");

    [Fact]
    public void DiagnosticNeedsATitle() =>
        DiagnosticBuilder.Validate(new DiagnosticForm { Title = "  " }).Should().ContainKey("Title");

    private static QuestionForm Question(bool multiple, params (string Text, bool Correct)[] options) => new()
    {
        Text = "Какой документ…", AreaId = DefaultAreas.Legal, MultipleChoice = multiple,
        Options = options.Select(o => new OptionForm { Text = o.Text, IsCorrect = o.Correct }).ToList(),
    };

    [Fact]
    public void SingleChoiceQuestionWithOneKeyedOptionIsAccepted() =>
        DiagnosticBuilder.Validate(Question(false, ("а", true), ("б", false)).Padded()).Should().BeEmpty();

    [Fact]
    public void MultipleChoiceQuestionMayHaveSeveralKeyedOptions() =>
        DiagnosticBuilder.Validate(Question(true, ("а", true), ("б", true), ("в", false))).Should().BeEmpty();

    [Fact]
    public void SingleChoiceQuestionWithTwoKeyedOptionsIsRefused() =>
        DiagnosticBuilder.Validate(Question(false, ("а", true), ("б", true)))["Options"].Should().Contain("ровно один");

    [Fact]
    public void QuestionWithoutAKeyIsRefused() =>
        DiagnosticBuilder.Validate(Question(true, ("а", false), ("б", false)))["Options"].Should().Be("Отметьте правильный вариант ответа.");

    [Fact]
    public void QuestionNeedsAtLeastTwoFilledOptions() =>
        DiagnosticBuilder.Validate(Question(false, ("а", true), ("  ", false)))["Options"].Should().Be("Нужно от 2 до 8 вариантов ответа.");

    [Fact]
    public void QuestionMayNotHaveMoreThanEightOptions() =>
        DiagnosticBuilder.Validate(Question(false, Enumerable.Range(1, 9).Select(i => ($"вариант {i}", i == 1)).ToArray())).Should().ContainKey("Options");

    [Fact]
    public void KeyOnAnEmptyOptionIsPointedOutAtThatRow() =>
        DiagnosticBuilder.Validate(Question(false, ("а", true), ("б", false), ("", true))).Should().ContainKey("Options[2]");

    [Fact]
    public void QuestionNeedsTextAndArea()
    {
        var errors = DiagnosticBuilder.Validate(new QuestionForm { Options = [new() { Text = "а", IsCorrect = true }, new() { Text = "б" }] });
        errors.Keys.Should().BeEquivalentTo(["Text", "AreaId"]);
    }

    [Fact]
    public void CampaignIsOverdueAfterTheDeadlineOnlyWhileSomeoneHasNotTakenIt()
    {
        var start = new DateOnly(2026, 9, 1);
        var deadline = new DateOnly(2026, 9, 30);
        Campaigns.Status(start, deadline, new DateOnly(2026, 8, 31), 10, 0).Should().Be(CampaignStatus.NotStarted);
        Campaigns.Status(start, deadline, deadline, 10, 9).Should().Be(CampaignStatus.Running);
        Campaigns.Status(start, deadline, deadline.AddDays(1), 10, 9).Should().Be(CampaignStatus.Overdue);
        Campaigns.Status(start, deadline, deadline.AddDays(1), 10, 10).Should().Be(CampaignStatus.Completed);
    }

    [Fact]
    public void DeadlineOfAnAttemptIsItsStartPlusTheLimitAndNoneWithoutALimit()
    {
        var started = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        DiagnosticAttempts.DeadlineOf(started, 45).Should().Be(started.AddMinutes(45));
        DiagnosticAttempts.DeadlineOf(started, null).Should().BeNull();
    }
}
