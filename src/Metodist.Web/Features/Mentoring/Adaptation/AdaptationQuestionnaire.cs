namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>The questionnaire a first round starts from; later rounds copy the questions of the round before.</summary>
public static class AdaptationQuestionnaire
{
    public const string ScaleHint = "1 — совсем не так, 5 — полностью так";

    public static readonly IReadOnlyList<(string Text, AdaptationQuestionKind Kind)> Default =
    [
        ("Мне комфортно в педагогическом коллективе, коллеги меня поддерживают", AdaptationQuestionKind.Scale),
        ("Я получаю нужную помощь от наставника или опытных коллег", AdaptationQuestionKind.Scale),
        ("Я уверенно планирую уроки и занятия", AdaptationQuestionKind.Scale),
        ("Мне удаётся поддерживать дисциплину и рабочую атмосферу на уроках", AdaptationQuestionKind.Scale),
        ("Я нахожу общий язык с родителями обучающихся", AdaptationQuestionKind.Scale),
        ("Объём документации посилен, мне хватает на неё времени", AdaptationQuestionKind.Scale),
        ("Я уверен(а) в знании своего предмета", AdaptationQuestionKind.Scale),
        ("Я хочу продолжать работать в профессии в ближайшие годы", AdaptationQuestionKind.Scale),
        ("Какая помощь вам нужна?", AdaptationQuestionKind.Text),
    ];

    /// <summary>New questions for <paramref name="surveyId"/>: copies of <paramref name="previous"/> in their order, or the default set.</summary>
    public static List<AdaptationQuestion> For(Guid surveyId, IReadOnlyList<AdaptationQuestion>? previous) =>
        previous is { Count: > 0 }
            ? previous.OrderBy(q => q.Number).Select((q, i) => new AdaptationQuestion { SurveyId = surveyId, Number = i + 1, Text = q.Text, Kind = q.Kind }).ToList()
            : Default.Select((q, i) => new AdaptationQuestion { SurveyId = surveyId, Number = i + 1, Text = q.Text, Kind = q.Kind }).ToList();
}
