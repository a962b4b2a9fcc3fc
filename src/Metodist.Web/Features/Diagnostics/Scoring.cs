namespace Metodist.Web.Features.Diagnostics;

/// <summary>
/// How answers become scores and scores become levels. Every score is 0–100. A single-choice question
/// gives a point for the keyed option; a multiple-choice one gives the share of keyed options chosen,
/// less the share of wrong options chosen (never below zero), so guessing everything earns nothing.
/// An area's score is the points of its questions as a percentage; the overall score is the mean of the
/// area scores, and the overall level is that mean's level, but never «нет дефицита» while some area
/// has a pronounced deficit.
/// </summary>
public static class Scoring
{
    public static DeficitLevel Level(int score, int noDeficitFrom, int partialFrom) =>
        score >= noDeficitFrom ? DeficitLevel.None : score >= partialFrom ? DeficitLevel.Partial : DeficitLevel.Pronounced;

    /// <summary>
    /// The points (0 to 1) for one question given the numbers of the keyed and of the chosen options. Wrong picks cost
    /// their share of the wrong options (of the keyed ones when the number of options is not given), so ticking every option earns nothing.
    /// </summary>
    public static double Points(bool multipleChoice, IReadOnlyCollection<int> keyed, IReadOnlyCollection<int> chosen, int? optionCount = null)
    {
        if (chosen.Count == 0 || keyed.Count == 0) return 0;
        if (!multipleChoice) return chosen.Count == 1 && keyed.Contains(chosen.First()) ? 1 : 0;
        var right = chosen.Count(keyed.Contains);
        var wrong = chosen.Count - right;
        var wrongOptions = optionCount is { } total && total > keyed.Count ? total - keyed.Count : keyed.Count;
        return Math.Max(0, (double)right / keyed.Count - (double)wrong / wrongOptions);
    }

    /// <summary>Scores per area for a test: points of the area's questions over the number of its questions, as a whole percentage.</summary>
    public static Dictionary<Guid, int> AreaScores(IEnumerable<DiagnosticQuestion> questions, IReadOnlyDictionary<Guid, IReadOnlyCollection<int>> answers)
    {
        var totals = new Dictionary<Guid, (double Points, int Count)>();
        foreach (var question in questions)
        {
            var keyed = question.Options.Where(o => o.IsCorrect).Select(o => o.Number).ToList();
            var chosen = answers.TryGetValue(question.Id, out var c) ? c : [];
            var points = Points(question.MultipleChoice, keyed, chosen, question.Options.Count);
            totals[question.AreaId] = totals.TryGetValue(question.AreaId, out var t) ? (t.Points + points, t.Count + 1) : (points, 1);
        }
        return totals.ToDictionary(t => t.Key, t => (int)Math.Round(100 * t.Value.Points / t.Value.Count, MidpointRounding.AwayFromZero));
    }

    public static int OverallScore(IReadOnlyCollection<int> areaScores) =>
        areaScores.Count == 0 ? 0 : (int)Math.Round(areaScores.Average(), MidpointRounding.AwayFromZero);

    public static DeficitLevel OverallLevel(IReadOnlyCollection<int> areaScores, int noDeficitFrom, int partialFrom)
    {
        var level = Level(OverallScore(areaScores), noDeficitFrom, partialFrom);
        if (level == DeficitLevel.None && areaScores.Any(s => Level(s, noDeficitFrom, partialFrom) == DeficitLevel.Pronounced)) return DeficitLevel.Partial;
        return level;
    }

    /// <summary>Fills a result's areas, score and level from scores per area, with the diagnostic's thresholds.</summary>
    public static void Apply(DiagnosticResult result, Diagnostic diagnostic, IReadOnlyDictionary<Guid, int> scores)
    {
        result.Areas.Clear();
        foreach (var (areaId, score) in scores)
        {
            result.Areas.Add(new DiagnosticResultArea { ResultId = result.Id, AreaId = areaId, Score = score, Level = diagnostic.LevelOf(score) });
        }
        var values = scores.Values.ToList();
        result.Score = OverallScore(values);
        result.Level = OverallLevel(values, diagnostic.NoDeficitFrom, diagnostic.PartialFrom);
    }

    /// <summary>Reads «1,3» into option numbers.</summary>
    public static IReadOnlyCollection<int> ParseChosen(string? chosen) =>
        string.IsNullOrEmpty(chosen) ? [] : chosen.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();

    public static string FormatChosen(IEnumerable<int> numbers) => string.Join(",", numbers.Distinct().Order());
}
