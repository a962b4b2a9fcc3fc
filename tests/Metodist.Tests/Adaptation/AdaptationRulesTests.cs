using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Mentoring.Adaptation;

namespace Metodist.Tests.Adaptation;

/// <summary>The adaptation state at its thresholds, the stored mean, the calendar of rounds, answer validation and the aggregation that hides small groups.</summary>
[Trait("Category", "Unit")]
public sealed class AdaptationRulesTests
{
    [Theory]
    [InlineData(null, AdaptationState.NoData)]
    [InlineData("5", AdaptationState.Adapted)]
    [InlineData("4.00", AdaptationState.Adapted)]
    [InlineData("3.99", AdaptationState.Adapting)]
    [InlineData("3.00", AdaptationState.Adapting)]
    [InlineData("2.99", AdaptationState.Difficulties)]
    [InlineData("1", AdaptationState.Difficulties)]
    public void StateFollowsTheMeanWithFourAndThreeAsTheLowestMarksOfTheirStates(string? mean, AdaptationState expected) =>
        AdaptationStatus.Of(mean is null ? null : decimal.Parse(mean, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Fact]
    public void StatesHaveRussianTitlesCodesAndBadges()
    {
        AdaptationState.Difficulties.Title().Should().Be("испытывает трудности");
        AdaptationState.Adapting.Code().Should().Be("adapting");
        AdaptationState.Adapted.Badge().Should().Be("ok");
        AdaptationState.NoData.Title().Should().Be("нет анкеты");
    }

    [Fact]
    public void MeanIsRoundedToTwoDecimalsAsStoredAndLeavesOutMissingMarks()
    {
        AdaptationStatus.MeanOf([4, 4, 5]).Should().Be(4.33m);
        AdaptationStatus.MeanOf([4, 4, 4, 4, 4, 4, 3]).Should().Be(3.86m);
        AdaptationStatus.MeanOf([3, null, 4]).Should().Be(3.5m);
        AdaptationStatus.MeanOf([null]).Should().BeNull();
        AdaptationStatus.MeanOf([]).Should().BeNull();
    }

    [Fact]
    public void AMeanJustUnderFourThatRoundsUpCountsAsAdapted()
    {
        // 3.995 is stored as 4.00: the state read later from the stored mean must agree with the one shown at once.
        var mean = AdaptationStatus.MeanOf([.. Enumerable.Repeat<int?>(4, 199), 3]);
        mean.Should().Be(4.00m);
        AdaptationStatus.Of(mean).Should().Be(AdaptationState.Adapted);
    }

    [Theory]
    [InlineData("2026-09-01", 2026, AdaptationRound.Autumn)]
    [InlineData("2026-12-31", 2026, AdaptationRound.Autumn)]
    [InlineData("2027-01-01", 2026, AdaptationRound.Spring)]
    [InlineData("2026-08-31", 2025, AdaptationRound.Spring)]
    public void ADateFallsInTheAutumnFromSeptemberAndInTheSpringOfTheSameAcademicYearUntilAugust(string date, int startYear, AdaptationRound round) =>
        AdaptationPeriod.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(new AdaptationPeriod(startYear, round));

    [Fact]
    public void RoundsFollowEachOtherAutumnThenSpringWithTheirUsualWindows()
    {
        var autumn = new AdaptationPeriod(2026, AdaptationRound.Autumn);
        autumn.AcademicYear.Should().Be("2026-2027");
        autumn.Name.Should().Be("осень 2026-2027");
        autumn.Next.Should().Be(new AdaptationPeriod(2026, AdaptationRound.Spring));
        autumn.Next.Next.Should().Be(new AdaptationPeriod(2027, AdaptationRound.Autumn));
        autumn.Previous.Should().Be(new AdaptationPeriod(2025, AdaptationRound.Spring));
        (autumn < autumn.Next).Should().BeTrue();
        autumn.DefaultOpensOn.Should().Be(new DateOnly(2026, 11, 1));
        autumn.Next.DefaultClosesOn.Should().Be(new DateOnly(2027, 5, 20));
        AdaptationPeriod.Of("2026-2027", AdaptationRound.Spring).Should().Be(autumn.Next);
        AdaptationPeriod.Of("26/27", AdaptationRound.Spring).Should().BeNull();
    }

    [Fact]
    public void RoundIsPlannedBeforeItsFirstDayOpenThroughItsLastAndClosedAfter()
    {
        var survey = new AdaptationSurvey { OpensOn = new DateOnly(2026, 11, 1), ClosesOn = new DateOnly(2026, 12, 20) };
        survey.StateOn(new DateOnly(2026, 10, 31)).Should().Be(AdaptationSurveyState.Planned);
        survey.StateOn(new DateOnly(2026, 11, 1)).Should().Be(AdaptationSurveyState.Open);
        survey.StateOn(new DateOnly(2026, 12, 20)).Should().Be(AdaptationSurveyState.Open);
        survey.StateOn(new DateOnly(2026, 12, 21)).Should().Be(AdaptationSurveyState.Closed);
        AdaptationResults.ReferenceDate(survey, new DateOnly(2026, 10, 1)).Should().Be(survey.OpensOn);
        AdaptationResults.ReferenceDate(survey, new DateOnly(2026, 11, 22)).Should().Be(new DateOnly(2026, 11, 22));
        AdaptationResults.ReferenceDate(survey, new DateOnly(2027, 3, 1)).Should().Be(survey.ClosesOn);
    }

    [Fact]
    public void DefaultQuestionnaireHasEightScaleQuestionsAndAskWhatHelpIsNeeded()
    {
        var questions = AdaptationQuestionnaire.For(Guid.NewGuid(), null);
        questions.Should().HaveCount(9);
        questions.Count(q => q.Kind == AdaptationQuestionKind.Scale).Should().Be(8);
        questions[^1].Text.Should().Be("Какая помощь вам нужна?");
        questions.Select(q => q.Number).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    [Fact]
    public void NextRoundCopiesThePreviousQuestionsInTheirOrderUnderNewIds()
    {
        var surveyId = Guid.NewGuid();
        var previous = new List<AdaptationQuestion>
        {
            new() { Number = 5, Text = "Второй", Kind = AdaptationQuestionKind.Text },
            new() { Number = 2, Text = "Первый", Kind = AdaptationQuestionKind.Scale },
        };
        var copied = AdaptationQuestionnaire.For(surveyId, previous);
        copied.Select(q => (q.Number, q.Text, q.Kind)).Should().Equal((1, "Первый", AdaptationQuestionKind.Scale), (2, "Второй", AdaptationQuestionKind.Text));
        copied.Should().AllSatisfy(q => q.SurveyId.Should().Be(surveyId));
        copied.Select(q => q.Id).Should().NotIntersectWith(previous.Select(q => q.Id));
    }

    private static readonly AdaptationQuestion Scale1 = new() { Number = 1, Text = "Коллектив", Kind = AdaptationQuestionKind.Scale };
    private static readonly AdaptationQuestion Scale2 = new() { Number = 2, Text = "Наставник", Kind = AdaptationQuestionKind.Scale };
    private static readonly AdaptationQuestion Free = new() { Number = 3, Text = "Какая помощь вам нужна?", Kind = AdaptationQuestionKind.Text };
    private static readonly AdaptationQuestion[] Questions = [Scale1, Scale2, Free];

    [Fact]
    public void AnswersWithEveryScaleQuestionMarkedAreValidAndTheFreeOneIsOptional() =>
        AdaptationTaking.Validate(Questions, [new(Scale1.Id, 1, null), new(Scale2.Id, 5, null)]).Should().BeEmpty();

    [Fact]
    public void EveryScaleQuestionMustBeMarkedFromOneToFive()
    {
        var errors = AdaptationTaking.Validate(Questions, [new(Scale1.Id, 0, null), new(Free.Id, null, "Помощь с отчётами")]);
        errors.Should().ContainKey(Scale1.Id.ToString()).WhoseValue.Should().Contain("от 1 до 5");
        errors.Should().ContainKey(Scale2.Id.ToString()).WhoseValue.Should().Contain("Вопрос 2");
        AdaptationTaking.Validate(Questions, [new(Scale1.Id, 6, null), new(Scale2.Id, 3, null)]).Should().ContainKey(Scale1.Id.ToString());
    }

    [Fact]
    public void AnswersToOtherQuestionsMarksOnFreeOnesAndOverlongTextsAreRefused()
    {
        AdaptationTaking.Validate(Questions, [new(Scale1.Id, 3, null), new(Scale2.Id, 3, null), new(Guid.NewGuid(), 3, null)]).Should().ContainKey("");
        AdaptationTaking.Validate(Questions, [new(Scale1.Id, 3, null), new(Scale2.Id, 3, null), new(Free.Id, 4, null)]).Should().ContainKey(Free.Id.ToString());
        AdaptationTaking.Validate(Questions, [new(Scale1.Id, 3, null), new(Scale2.Id, 3, null), new(Free.Id, null, new string('я', 2001))])
            .Should().ContainKey(Free.Id.ToString());
        AdaptationTaking.Validate(Questions, [new(Scale1.Id, 3, null), new(Scale1.Id, 4, null), new(Scale2.Id, 3, null)])
            .Should().ContainKey(Scale1.Id.ToString()).WhoseValue.Should().Contain("несколько");
        AdaptationTaking.Validate([], []).Should().ContainKey("");
    }

    [Fact]
    public void GroupOfFourHidesItsMeansAndStatesButKeepsItsCounts()
    {
        var group = AdaptationResults.Summarize(Guid.NewGuid(), "Северск", 10, [4.5m, 3.2m, 2.1m, 4.0m], [Scale1, Scale2],
            new Dictionary<Guid, (int, int)> { [Scale1.Id] = (4, 14), [Scale2.Id] = (4, 12) });
        group.Hidden.Should().BeTrue();
        group.Responded.Should().Be(4);
        group.YoungTeachers.Should().Be(10);
        group.ResponseShare.Should().Be(40m);
        group.MeanScore.Should().BeNull();
        (group.Adapted, group.Adapting, group.Difficulties).Should().Be((null, null, null));
        group.Questions.Should().AllSatisfy(q => q.Mean.Should().BeNull());
    }

    [Fact]
    public void GroupOfFiveShowsTheMeanTheSplitByStateAndTheMeanOfEachQuestion()
    {
        var group = AdaptationResults.Summarize(null, "Всего", 6, [4.5m, 3.2m, 2.1m, 4.0m, 4.2m], [Scale1, Scale2],
            new Dictionary<Guid, (int, int)> { [Scale1.Id] = (5, 19), [Scale2.Id] = (5, 12) });
        group.Hidden.Should().BeFalse();
        group.MeanScore.Should().Be(3.6m);
        (group.Adapted, group.Adapting, group.Difficulties).Should().Be((3, 1, 1));
        group.ResponseShare.Should().Be(83.3m);
        group.Questions.Select(q => (q.Number, q.Answers, q.Mean)).Should().Equal((1, 5, 3.8m), (2, 5, 2.4m));
    }

    [Fact]
    public void ResponsesWithoutMarksCountAsAnsweredButNotInTheMean()
    {
        var group = AdaptationResults.Summarize(null, "Всего", 0, [5m, 5m, null, 4m, 4m], [], new Dictionary<Guid, (int, int)>());
        group.Responded.Should().Be(5);
        group.MeanScore.Should().Be(4.5m);
        group.ResponseShare.Should().BeNull();
    }
}
