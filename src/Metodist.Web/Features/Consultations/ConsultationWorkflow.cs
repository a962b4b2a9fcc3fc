namespace Metodist.Web.Features.Consultations;

/// <summary>Who the user is to one request: the asker, a methodist of the service that handles it, its assignee, the region's centre.</summary>
public sealed record ConsultationActor(bool IsAsker, bool IsService, bool IsAssignee, bool IsRegionCentre)
{
    public static readonly ConsultationActor Nobody = new(false, false, false, false);

    /// <summary>May take, assign, answer, reject and publish: a methodist of the handling service or the one it is assigned to.</summary>
    public bool CanHandle => IsService || IsAssignee;
}

public enum ConsultationAction
{
    Take,
    Assign,
    Answer,
    Reject,
    Forward,
    Return,
    Close,
    Publish,
}

public enum ConsultationOpStatus
{
    Ok,
    NotFound,

    /// <summary>The user's role does not allow the action: 403.</summary>
    Forbidden,

    /// <summary>The request's state does not allow it: 409.</summary>
    Conflict,

    /// <summary>Something the action needs is missing or wrong (the answer's text, the reason): 400.</summary>
    Invalid,
}

/// <summary>What an action on a request came to: done, or why not (in Russian).</summary>
public sealed record ConsultationOp(ConsultationOpStatus Status, string? Message = null)
{
    public static readonly ConsultationOp Ok = new(ConsultationOpStatus.Ok);

    public static ConsultationOp Forbidden(string message) => new(ConsultationOpStatus.Forbidden, message);

    public static ConsultationOp Conflict(string message) => new(ConsultationOpStatus.Conflict, message);

    public static ConsultationOp Invalid(string message) => new(ConsultationOpStatus.Invalid, message);

    public static ConsultationOp NotFound(string message) => new(ConsultationOpStatus.NotFound, message);

    public bool Succeeded => Status == ConsultationOpStatus.Ok;
}

/// <summary>
/// The way of a request: новая → в работе → ответ дан → закрыта, or отклонена (with a reason) while new or in progress.
/// The service's methodists (and the assignee) take, assign, answer, reject and publish; the municipal service forwards to
/// the region's centre and the centre returns; the asker or the service closes an answered request.
/// </summary>
public static class ConsultationWorkflow
{
    private const string HandlerTitle = "методист службы, которая рассматривает обращение, или назначенный исполнитель";

    public static ConsultationOp Check(ConsultationAction action, ConsultationStatus status, ConsultationLevel level, ConsultationActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (allowed, who) = action switch
        {
            ConsultationAction.Take => (actor.CanHandle, "Взять обращение в работу может " + HandlerTitle + "."),
            ConsultationAction.Assign => (actor.CanHandle, "Назначить исполнителя может " + HandlerTitle + "."),
            ConsultationAction.Answer => (actor.CanHandle, "Отвечать на обращение может " + HandlerTitle + "."),
            ConsultationAction.Reject => (actor.CanHandle, "Отклонить обращение может " + HandlerTitle + "."),
            ConsultationAction.Forward => (actor.IsService, "Передать обращение в ЦНППМ может методист муниципальной службы, которая его рассматривает."),
            ConsultationAction.Return => (actor.IsRegionCentre, "Вернуть обращение в муниципальную службу может ЦНППМ (администратор региона)."),
            ConsultationAction.Close => (actor.IsAsker || actor.CanHandle, "Закрыть обращение может заявитель или служба, которая его рассматривает."),
            _ => (actor.CanHandle, "Публиковать ответы может " + HandlerTitle + "."),
        };
        if (!allowed) return ConsultationOp.Forbidden(who);
        return action switch
        {
            ConsultationAction.Take when status != ConsultationStatus.New =>
                ConsultationOp.Conflict($"Взять в работу можно только новое обращение; это обращение — «{status.Title()}»."),
            ConsultationAction.Forward when level == ConsultationLevel.Regional =>
                ConsultationOp.Conflict("Обращение уже рассматривает региональный центр (ЦНППМ)."),
            ConsultationAction.Return when level == ConsultationLevel.Municipal =>
                ConsultationOp.Conflict("Обращение и так рассматривает муниципальная служба."),
            ConsultationAction.Assign or ConsultationAction.Answer or ConsultationAction.Reject or ConsultationAction.Forward or ConsultationAction.Return
                when !status.IsOpen() => ConsultationOp.Conflict(Closed(action, status)),
            ConsultationAction.Close when status != ConsultationStatus.Answered =>
                ConsultationOp.Conflict(status == ConsultationStatus.Closed
                    ? "Обращение уже закрыто."
                    : $"Закрыть можно обращение, на которое дан ответ; это обращение — «{status.Title()}»."),
            ConsultationAction.Publish when status is not (ConsultationStatus.Answered or ConsultationStatus.Closed) =>
                ConsultationOp.Conflict($"Опубликовать можно только обращение с ответом; это обращение — «{status.Title()}»."),
            _ => ConsultationOp.Ok,
        };
    }

    private static string Closed(ConsultationAction action, ConsultationStatus status)
    {
        var what = action switch
        {
            ConsultationAction.Assign => "Назначить исполнителя",
            ConsultationAction.Answer => "Ответить",
            ConsultationAction.Reject => "Отклонить обращение",
            ConsultationAction.Forward => "Передать обращение в ЦНППМ",
            _ => "Вернуть обращение в муниципальную службу",
        };
        return $"{what} можно, пока обращение новое или в работе; это обращение — «{status.Title()}».";
    }

    /// <summary>The actions open to this actor now, for the buttons of the page.</summary>
    public static IReadOnlySet<ConsultationAction> Allowed(ConsultationStatus status, ConsultationLevel level, ConsultationActor actor) =>
        Enum.GetValues<ConsultationAction>().Where(a => Check(a, status, level, actor).Succeeded).ToHashSet();

    /// <summary>Not answered, closed or rejected, and the due date has passed.</summary>
    public static bool IsOverdue(ConsultationStatus status, DateOnly dueOn, DateOnly today) => status.IsOpen() && today > dueOn;

    /// <summary>An answered request the asker has not closed within this many days is shown as waiting to be closed.</summary>
    public const int AwaitingCloseDays = 10;

    public static bool IsAwaitingClose(ConsultationStatus status, DateOnly? answeredOn, DateOnly today) =>
        status == ConsultationStatus.Answered && answeredOn is { } day && today.DayNumber - day.DayNumber >= AwaitingCloseDays;

    /// <summary>The deadline badge of an open request: overdue, due today, due tomorrow, or nothing.</summary>
    public static (string Text, string Css)? DeadlineBadge(ConsultationStatus status, DateOnly dueOn, DateOnly today)
    {
        if (!status.IsOpen()) return null;
        if (today > dueOn) return ("просрочено", "badge bad");
        if (today == dueOn) return ("срок сегодня", "badge warn");
        if (today.AddDays(1) == dueOn) return ("срок завтра", "badge warn");
        return null;
    }
}
