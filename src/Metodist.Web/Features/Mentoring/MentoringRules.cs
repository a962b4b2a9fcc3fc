using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Features.Mentoring;

/// <summary>The rules of a mentoring pair's life that need nothing but the values themselves (unit-tested).</summary>
public static class MentoringRules
{
    public const int MaxMeetingHours = 12;
    public const int MaxGoalsLength = 2000;
    public const int MaxEvaluationLength = 4000;
    public const int MaxTopicLength = 500;
    public const int MaxOrderNumberLength = 50;

    /// <summary>The warning when a mentor would carry more mentees than the region's limit; null within the limit.</summary>
    public static string? LoadWarning(int currentMentees, int adding, int limit)
    {
        var total = currentMentees + adding;
        return total > limit ? $"У наставника будет {MentorRanking.MenteesCount(total)} при норме {limit}" : null;
    }

    /// <summary>The warning about a mentor's present load (for lists): null within the limit.</summary>
    public static string? OverloadNote(int currentMentees, int limit) =>
        currentMentees > limit ? $"Перегрузка: {MentorRanking.MenteesCount(currentMentees)} при норме {limit}" : null;

    /// <summary>What is wrong with the dates, the order and the goals of a pair; null when they may be saved.</summary>
    public static string? CheckTerms(DateOnly? startDate, DateOnly? endDate, string? orderNumber, DateOnly? orderDate, string? goals)
    {
        if (startDate is not { } start) return "Укажите дату начала наставничества.";
        if (endDate is { } end && end < start) return $"Дата окончания ({Format.Date(end)}) раньше даты начала ({Format.Date(start)}).";
        if (orderNumber?.Trim().Length > MaxOrderNumberLength) return $"Номер приказа — не длиннее {MaxOrderNumberLength} знаков.";
        if (orderDate is not null && string.IsNullOrWhiteSpace(orderNumber)) return "Укажите номер приказа, раз указана его дата.";
        if (goals?.Trim().Length > MaxGoalsLength) return $"Цели — не длиннее {MaxGoalsLength} знаков.";
        return null;
    }

    /// <summary>What is wrong with a meeting to log; null when it may be saved.</summary>
    public static string? CheckMeeting(MentoringPair pair, DateOnly? date, string? topic, decimal? hours, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.Status != MentoringStatus.Active) return $"Пара {pair.Status.Title()}: встречи записываются только в действующей паре.";
        if (date is not { } day) return "Укажите дату встречи.";
        if (day > today) return "Дата встречи не может быть в будущем: записывайте встречи, которые уже прошли.";
        if (day < pair.StartDate) return $"Встреча раньше начала наставничества ({Format.Date(pair.StartDate)}).";
        if (string.IsNullOrWhiteSpace(topic)) return "Укажите тему встречи.";
        if (topic.Trim().Length > MaxTopicLength) return $"Тема — не длиннее {MaxTopicLength} знаков.";
        if (hours is not { } h || h <= 0 || h > MaxMeetingHours) return $"Продолжительность встречи — от 0,5 до {MaxMeetingHours} часов.";
        if (decimal.Round(h, 1) != h) return "Продолжительность указывается с точностью до десятой часа (например, 1,5).";
        return null;
    }

    /// <summary>What is wrong with a line of the plan; null when it may be saved.</summary>
    public static string? CheckPlanItem(MentoringPair pair, string? title, string? details)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.Status != MentoringStatus.Active) return $"Пара {pair.Status.Title()}: план меняется только в действующей паре.";
        if (string.IsNullOrWhiteSpace(title)) return "Укажите, что запланировано.";
        if (title.Trim().Length > 500) return "Пункт плана — не длиннее 500 знаков.";
        if (details?.Trim().Length > 2000) return "Подробности — не длиннее 2000 знаков.";
        return null;
    }

    /// <summary>What stops the pair from being completed with this evaluation; null when it may be.</summary>
    public static string? CheckClose(MentoringPair pair, string? evaluation, int? score, DateOnly? closedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.Status != MentoringStatus.Active) return $"Пара уже {pair.Status.Title()}.";
        if (string.IsNullOrWhiteSpace(evaluation)) return "Напишите итоговую оценку наставничества: чего достиг наставляемый, что осталось.";
        if (evaluation.Trim().Length > MaxEvaluationLength) return $"Итоговая оценка — не длиннее {MaxEvaluationLength} знаков.";
        if (score is not (>= 1 and <= 5)) return "Поставьте итоговую отметку от 1 до 5.";
        if (closedOn is { } day && (day > today || day < pair.StartDate))
            return $"Дата завершения — не раньше начала пары ({Format.Date(pair.StartDate)}) и не позже сегодняшнего дня.";
        return null;
    }

    public static string? CheckCancel(MentoringPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Status == MentoringStatus.Active ? null : $"Пара уже {pair.Status.Title()}: отменить можно только действующую.";
    }

    /// <summary>The choices of a meeting's length offered by the forms, in hours.</summary>
    public static readonly decimal[] MeetingHourChoices = [0.5m, 1m, 1.5m, 2m, 2.5m, 3m, 4m];

    /// <summary>Hours as a person types them: «1,5» or «1.5».</summary>
    public static decimal? ParseHours(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>Hours with a decimal comma: «1,5».</summary>
    public static string Hours(decimal hours) => hours.ToString("0.#", MetodistApp.Russian);

    /// <summary>The order as one text: «№ 112-од от 29.08.2026»; null without a number.</summary>
    public static string? OrderText(string? number, DateOnly? date) =>
        string.IsNullOrWhiteSpace(number) ? null : $"№ {number.Trim()}" + (date is { } d ? $" от {Format.Date(d)}" : "");

    /// <summary>An order number as typed, without a leading «№» that the texts add themselves.</summary>
    public static string? CleanOrderNumber(string? number)
    {
        var text = number?.Trim().TrimStart('№').Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
