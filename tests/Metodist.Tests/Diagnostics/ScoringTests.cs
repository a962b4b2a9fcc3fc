using Metodist.Web.Features.Diagnostics;

namespace Metodist.Tests.Diagnostics;

[Trait("Category", "Unit")]
public sealed class ScoringTests
{
    private static readonly Guid Legal = DefaultAreas.Legal;
    private static readonly Guid Digital = DefaultAreas.Digital;

    [Theory]
    [InlineData(new[] { 2 }, 1.0)]
    [InlineData(new[] { 1 }, 0.0)]
    [InlineData(new[] { 1, 2 }, 0.0)]
    [InlineData(new int[0], 0.0)]
    public void SingleChoiceEarnsAPointOnlyForTheKeyedOptionAlone(int[] chosen, double points) =>
        Scoring.Points(false, [2], chosen).Should().Be(points);

    [Theory]
    [InlineData(new[] { 1, 3 }, 1.0)]
    [InlineData(new[] { 1 }, 0.5)]
    [InlineData(new[] { 3, 2 }, 0.0)]
    [InlineData(new[] { 1, 3, 4 }, 0.5)]
    [InlineData(new[] { 1, 2, 3, 4 }, 0.0)]
    [InlineData(new[] { 2, 4 }, 0.0)]
    [InlineData(new int[0], 0.0)]
    public void MultipleChoiceGivesPartialCreditLessTheWrongPicksNeverBelowZero(int[] chosen, double points) =>
        Scoring.Points(true, [1, 3], chosen).Should().Be(points);

    [Fact]
    public void MultipleChoiceCreditIsTheShareOfTheKeyedOptions() =>
        Scoring.Points(true, [1, 2, 3], [1, 2]).Should().BeApproximately(2.0 / 3, 1e-9);

    [Fact]
    public void QuestionWithNoKeyedOptionEarnsNothing() => Scoring.Points(true, [], [1]).Should().Be(0);

    [Fact]
    public void AreaScoreIsThePointsOfItsQuestionsAsAWholePercentage()
    {
        var questions = new[]
        {
            Question(Legal, false, 4, 1), Question(Legal, false, 4, 2), Question(Legal, true, 4, 1, 2),
            Question(Digital, false, 3, 3), Question(Digital, false, 3, 3), Question(Digital, false, 3, 3),
        };
        var answers = Answers(questions, [1], [1], [1], [3], [3], [1]);

        var scores = Scoring.AreaScores(questions, answers);

        // Legal: 1 + 0 + 0.5 of 3 = 50 %; digital: 2 of 3 = 66.67 %, rounded to 67.
        scores.Should().BeEquivalentTo(new Dictionary<Guid, int> { [Legal] = 50, [Digital] = 67 });
    }

    [Fact]
    public void AreaScoreRoundsAHalfUpAndAThirdDown()
    {
        var eight = Enumerable.Range(0, 8).Select(_ => Question(Legal, false, 2, 1)).ToArray();
        var three = Enumerable.Range(0, 3).Select(_ => Question(Digital, false, 2, 1)).ToArray();
        var answers = Answers(eight, [1], [2], [2], [2], [2], [2], [2], [2])
            .Concat(Answers(three, [1], [2], [2])).ToDictionary(a => a.Key, a => a.Value);

        var scores = Scoring.AreaScores(eight.Concat(three), answers);

        scores[Legal].Should().Be(13, "1 of 8 is 12.5 %");
        scores[Digital].Should().Be(33, "1 of 3 is 33.3 %");
    }

    [Fact]
    public void UnansweredQuestionCountsAsNoPoints()
    {
        var questions = new[] { Question(Legal, false, 2, 1), Question(Legal, false, 2, 1) };

        var scores = Scoring.AreaScores(questions, Answers(questions.Take(1).ToArray(), [1]));

        scores[Legal].Should().Be(50);
    }

    [Fact]
    public void ChoosingEveryOptionEarnsNothingEvenWhenMostOptionsAreKeyed()
    {
        // The rule promises that guessing everything earns nothing; three keyed options of four must not make it pay.
        var question = Question(Legal, true, 4, 1, 2, 3);

        var scores = Scoring.AreaScores([question], Answers([question], [1, 2, 3, 4]));

        scores[Legal].Should().Be(0);
    }

    [Theory]
    [InlineData(0, DeficitLevel.Pronounced)]
    [InlineData(39, DeficitLevel.Pronounced)]
    [InlineData(40, DeficitLevel.Partial)]
    [InlineData(69, DeficitLevel.Partial)]
    [InlineData(70, DeficitLevel.None)]
    [InlineData(100, DeficitLevel.None)]
    public void LevelFollowsTheThresholdsAtTheirEdges(int score, DeficitLevel level) => Scoring.Level(score, 70, 40).Should().Be(level);

    [Fact]
    public void DiagnosticsOwnThresholdsDecideTheLevel()
    {
        var strict = new Diagnostic { NoDeficitFrom = 80, PartialFrom = 50 };

        strict.LevelOf(79).Should().Be(DeficitLevel.Partial);
        strict.LevelOf(80).Should().Be(DeficitLevel.None);
        strict.LevelOf(49).Should().Be(DeficitLevel.Pronounced);
        strict.LevelOf(50).Should().Be(DeficitLevel.Partial);
    }

    [Theory]
    [InlineData(new[] { 40, 41 }, 41)]
    [InlineData(new[] { 40, 42, 43 }, 42)]
    [InlineData(new[] { 100 }, 100)]
    [InlineData(new int[0], 0)]
    public void OverallScoreIsTheRoundedMeanOfTheAreas(int[] areas, int overall) => Scoring.OverallScore(areas).Should().Be(overall);

    [Fact]
    public void OverallLevelIsPartialNotNoneWhileAnAreaIsPronounced()
    {
        int[] scores = [100, 100, 100, 39];

        Scoring.OverallScore(scores).Should().Be(85);
        Scoring.OverallLevel(scores, 70, 40).Should().Be(DeficitLevel.Partial);
    }

    [Theory]
    [InlineData(new[] { 100, 40 }, DeficitLevel.None)]
    [InlineData(new[] { 70, 69 }, DeficitLevel.None)]
    [InlineData(new[] { 60, 39 }, DeficitLevel.Partial)]
    [InlineData(new[] { 39, 40 }, DeficitLevel.Partial)]
    [InlineData(new[] { 20, 50 }, DeficitLevel.Pronounced)]
    public void OverallLevelIsTheLevelOfTheMeanOtherwise(int[] scores, DeficitLevel level) => Scoring.OverallLevel(scores, 70, 40).Should().Be(level);

    [Fact]
    public void ApplyFillsAreasScoreAndLevelWithTheDiagnosticsThresholds()
    {
        var diagnostic = new Diagnostic { NoDeficitFrom = 80, PartialFrom = 50 };
        var result = new DiagnosticResult();
        result.Areas.Add(new DiagnosticResultArea { AreaId = DefaultAreas.Gifted, Score = 1 });

        Scoring.Apply(result, diagnostic, new Dictionary<Guid, int> { [Legal] = 90, [Digital] = 49 });

        result.Areas.Select(a => (a.AreaId, a.Score, a.Level, a.ResultId)).Should().BeEquivalentTo(new[]
        {
            (Legal, 90, DeficitLevel.None, result.Id),
            (Digital, 49, DeficitLevel.Pronounced, result.Id),
        });
        result.Score.Should().Be(70);
        result.Level.Should().Be(DeficitLevel.Partial);
    }

    [Fact]
    public void ChosenOptionsAreStoredSortedWithoutRepeatsAndReadBack()
    {
        Scoring.FormatChosen([3, 1, 3]).Should().Be("1,3");
        Scoring.ParseChosen("1,3").Should().BeEquivalentTo([1, 3]);
        Scoring.ParseChosen("").Should().BeEmpty();
        Scoring.ParseChosen(null).Should().BeEmpty();
    }

    private static DiagnosticQuestion Question(Guid area, bool multipleChoice, int options, params int[] keyed) => new()
    {
        AreaId = area,
        MultipleChoice = multipleChoice,
        Options = Enumerable.Range(1, options).Select(n => new DiagnosticOption { Number = n, IsCorrect = keyed.Contains(n) }).ToList(),
    };

    private static Dictionary<Guid, IReadOnlyCollection<int>> Answers(DiagnosticQuestion[] questions, params int[][] chosen) =>
        questions.Zip(chosen).ToDictionary(p => p.First.Id, p => (IReadOnlyCollection<int>)p.Second);
}
