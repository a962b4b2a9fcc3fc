using System.Globalization;

namespace Metodist.Web.Features.Asset;

/// <summary>What a change of status brings: the date and, by the step, the assessment's result, the course, the order or the reason.</summary>
public sealed record AssetTransitionInput(AssetStatus To, DateOnly? Date, string? Result = null, Guid? CourseId = null, string? OrderNumber = null, string? Reason = null);

public enum AssetTransitionProblem
{
    None,

    /// <summary>The step is not possible from this status (409).</summary>
    NotAllowed,

    /// <summary>The step is possible but its data is missing or wrong (400).</summary>
    Invalid,
}

public sealed record AssetTransitionCheck(AssetTransitionProblem Problem, string? Message)
{
    public static readonly AssetTransitionCheck Ok = new(AssetTransitionProblem.None, null);

    public bool Allowed => Problem == AssetTransitionProblem.None;
}

/// <summary>
/// The way of a regional methodist: кандидат → прошёл оценку компетенций (date, result) → прошёл обучение (course, date) →
/// действующий региональный методист (date, order) → выведен (date, reason), the last from any status.
/// </summary>
public static class AssetWorkflow
{
    public const int MaxResultLength = 300;
    public const int MaxOrderLength = 50;
    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<AssetStatus> Next(AssetStatus from) => from switch
    {
        AssetStatus.Candidate => [AssetStatus.Assessed, AssetStatus.Withdrawn],
        AssetStatus.Assessed => [AssetStatus.Trained, AssetStatus.Withdrawn],
        AssetStatus.Trained => [AssetStatus.Active, AssetStatus.Withdrawn],
        AssetStatus.Active => [AssetStatus.Withdrawn],
        _ => [],
    };

    public static string ActionTitle(AssetStatus to) => to switch
    {
        AssetStatus.Assessed => "Отметить оценку компетенций",
        AssetStatus.Trained => "Отметить обучение",
        AssetStatus.Active => "Включить в действующие методисты",
        AssetStatus.Withdrawn => "Вывести из актива",
        _ => "Вернуть в кандидаты",
    };

    /// <summary>
    /// Whether <paramref name="methodist"/> may take the step with this data; <paramref name="courseTitle"/> is the title of
    /// the course <see cref="AssetTransitionInput.CourseId"/> names in the catalogue (null when there is no such course).
    /// </summary>
    public static AssetTransitionCheck Check(RegionalMethodist methodist, AssetTransitionInput input, string? courseTitle, DateOnly today)
    {
        var from = methodist.Status;
        if (from == AssetStatus.Withdrawn) return NotAllowed("Методист выведен из актива: его статус больше не меняется.");
        if (!Next(from).Contains(input.To))
        {
            var allowed = string.Join(" или ", Next(from).Select(s => $"«{s.Title()}»"));
            return NotAllowed($"Из статуса «{from.Title()}» можно перейти только в {allowed}.");
        }
        if (input.Date is not { } date) return Invalid("Укажите дату.");
        if (date > today) return Invalid("Дата не может быть в будущем.");
        switch (input.To)
        {
            case AssetStatus.Assessed:
                if (string.IsNullOrWhiteSpace(input.Result)) return Invalid("Укажите результат оценки методических компетенций (например, «82 балла из 100 — рекомендован»).");
                if (input.Result.Trim().Length > MaxResultLength) return Invalid($"Результат оценки — не длиннее {MaxResultLength} знаков.");
                break;
            case AssetStatus.Trained:
                if (input.CourseId is null) return Invalid("Выберите курс обучения из каталога.");
                if (courseTitle is null) return Invalid("Курс не найден в каталоге.");
                if (methodist.AssessedOn is { } assessed && date < assessed) return Invalid($"Обучение не может закончиться раньше оценки компетенций ({Day(assessed)}).");
                break;
            case AssetStatus.Active:
                if (input.OrderNumber?.Trim().Length > MaxOrderLength) return Invalid($"Номер приказа — не длиннее {MaxOrderLength} знаков.");
                if (methodist.TrainedOn is { } trained && date < trained) return Invalid($"Статус не может быть присвоен раньше окончания обучения ({Day(trained)}).");
                break;
            case AssetStatus.Withdrawn:
                if (string.IsNullOrWhiteSpace(input.Reason)) return Invalid("Укажите причину вывода из актива.");
                if (input.Reason.Trim().Length > MaxReasonLength) return Invalid($"Причина — не длиннее {MaxReasonLength} знаков.");
                break;
        }
        return AssetTransitionCheck.Ok;
    }

    /// <summary>Takes the step (after <see cref="Check"/>) and returns the line of the history that records it.</summary>
    public static AssetStatusChange Apply(RegionalMethodist methodist, AssetTransitionInput input, string? courseTitle, string userName, DateTime now)
    {
        var date = input.Date!.Value;
        string comment;
        switch (input.To)
        {
            case AssetStatus.Assessed:
                methodist.AssessedOn = date;
                methodist.AssessmentResult = input.Result!.Trim();
                comment = $"Оценка методических компетенций {Day(date)}: {methodist.AssessmentResult}";
                break;
            case AssetStatus.Trained:
                methodist.TrainingCourseId = input.CourseId;
                methodist.TrainedOn = date;
                comment = $"Обучение по программе «{courseTitle}» окончено {Day(date)}";
                break;
            case AssetStatus.Active:
                methodist.ActiveSince = date;
                methodist.OrderNumber = string.IsNullOrWhiteSpace(input.OrderNumber) ? null : input.OrderNumber.Trim();
                comment = methodist.OrderNumber is null
                    ? $"Действующий региональный методист с {Day(date)}"
                    : $"Действующий региональный методист с {Day(date)}, приказ № {methodist.OrderNumber}";
                break;
            default:
                methodist.WithdrawnOn = date;
                methodist.WithdrawalReason = input.Reason!.Trim();
                comment = $"Выведен из актива {Day(date)}: {methodist.WithdrawalReason}";
                break;
        }
        var change = new AssetStatusChange
        {
            Id = Guid.CreateVersion7(), MethodistId = methodist.Id, From = methodist.Status, To = input.To, At = now, UserName = userName, Comment = comment,
        };
        methodist.Status = input.To;
        methodist.UpdatedAt = now;
        return change;
    }

    private static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static AssetTransitionCheck NotAllowed(string message) => new(AssetTransitionProblem.NotAllowed, message);

    private static AssetTransitionCheck Invalid(string message) => new(AssetTransitionProblem.Invalid, message);
}
