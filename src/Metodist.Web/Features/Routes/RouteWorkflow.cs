namespace Metodist.Web.Features.Routes;

/// <summary>Who the user is to one route: the roles that matter for its workflow.</summary>
public sealed record RouteActor(bool IsOwner, bool IsTutor, bool IsSchoolMethodist, bool IsMunicipalMethodist, bool IsRegionCentre)
{
    public static readonly RouteActor Nobody = new(false, false, false, false, false);

    public bool IsMethodist => IsSchoolMethodist || IsMunicipalMethodist || IsRegionCentre;

    /// <summary>May change the draft's header and items.</summary>
    public bool CanEditDraft => IsOwner || IsTutor || IsMethodist;

    /// <summary>May mark items done and change the tutor while the route is followed.</summary>
    public bool CanFollow => IsTutor || IsMethodist;
}

public enum TransitionProblem
{
    None,

    /// <summary>The state does not allow this step, or the role may not make it: 409.</summary>
    Forbidden,

    /// <summary>The step needs a comment that was not given: 400.</summary>
    CommentRequired,
}

public sealed record TransitionCheck(TransitionProblem Problem, string? Message)
{
    public static readonly TransitionCheck Ok = new(TransitionProblem.None, null);

    public bool Allowed => Problem == TransitionProblem.None;
}

/// <summary>
/// The way of a route: черновик → на согласовании (the organization agrees) → утверждён (ЦНППМ) → выполняется →
/// завершён or не завершён, with sending back to the draft. Each step names who may make it.
/// </summary>
public static class RouteWorkflow
{
    private sealed record Step(RouteStatus From, RouteStatus To, Func<RouteActor, bool> Who, string WhoTitle, bool NeedsComment);

    private static readonly Step[] Steps =
    [
        new(RouteStatus.Draft, RouteStatus.Submitted, a => a.IsOwner || a.IsTutor || a.IsMethodist,
            "педагог, его тьютор или методист", false),
        new(RouteStatus.Submitted, RouteStatus.Draft, a => a.IsMethodist,
            "методист образовательной организации, муниципальной службы или ЦНППМ", true),
        new(RouteStatus.Submitted, RouteStatus.Approved, a => a.IsRegionCentre,
            "ЦНППМ (администратор региона)", false),
        new(RouteStatus.Approved, RouteStatus.Draft, a => a.IsRegionCentre,
            "ЦНППМ (администратор региона)", true),
        new(RouteStatus.Approved, RouteStatus.InProgress, a => a.IsOwner || a.IsTutor || a.IsMethodist,
            "педагог, его тьютор или методист", false),
        new(RouteStatus.InProgress, RouteStatus.Completed, a => a.IsTutor || a.IsMethodist,
            "тьютор или методист", false),
        new(RouteStatus.InProgress, RouteStatus.NotCompleted, a => a.IsTutor || a.IsMethodist,
            "тьютор или методист", true),
    ];

    /// <summary>The steps open to this actor from the route's status, for the buttons of the page.</summary>
    public static IReadOnlyList<RouteStatus> Allowed(RouteStatus from, RouteActor actor) =>
        Steps.Where(s => s.From == from && s.Who(actor)).Select(s => s.To).ToList();

    public static bool NeedsComment(RouteStatus from, RouteStatus to) => Steps.Any(s => s.From == from && s.To == to && s.NeedsComment);

    public static TransitionCheck Check(RouteStatus from, RouteStatus to, RouteActor actor, string? comment)
    {
        if (from == to) return new(TransitionProblem.Forbidden, $"Маршрут уже в состоянии «{to.Title()}».");
        var step = Steps.FirstOrDefault(s => s.From == from && s.To == to);
        if (step is null)
        {
            var next = Steps.Where(s => s.From == from).Select(s => $"«{s.To.Title()}»").ToList();
            return new(TransitionProblem.Forbidden, next.Count == 0
                ? $"Маршрут в состоянии «{from.Title()}» закрыт: его состояние больше не меняется."
                : $"Из состояния «{from.Title()}» маршрут нельзя перевести в «{to.Title()}»; возможно: {string.Join(", ", next)}.");
        }
        if (!step.Who(actor))
            return new(TransitionProblem.Forbidden, $"Перевести маршрут из состояния «{from.Title()}» в «{to.Title()}» может {step.WhoTitle}.");
        if (step.NeedsComment && string.IsNullOrWhiteSpace(comment))
            return new(TransitionProblem.CommentRequired, to == RouteStatus.NotCompleted
                ? "Укажите причину, по которой маршрут не завершён."
                : "Укажите в комментарии, что нужно исправить в маршруте.");
        return TransitionCheck.Ok;
    }

    /// <summary>The organization's agreement of a submitted route (the «Уполномоченный ОО» signature): status stays «на согласовании».</summary>
    public static TransitionCheck CheckAgreement(DevelopmentRoute route, RouteActor actor)
    {
        if (route.Status != RouteStatus.Submitted)
            return new(TransitionProblem.Forbidden, $"Согласовать можно только маршрут на согласовании; этот — «{route.Status.Title()}».");
        if (route.OrganizationAgreedAt is not null) return new(TransitionProblem.Forbidden, "Маршрут уже согласован образовательной организацией.");
        if (!actor.IsSchoolMethodist && !actor.IsMunicipalMethodist)
            return new(TransitionProblem.Forbidden, "Согласовать маршрут от имени образовательной организации может её методист (заместитель руководителя) или методист муниципальной службы.");
        return TransitionCheck.Ok;
    }

    public static string ActionTitle(RouteStatus from, RouteStatus to) => (from, to) switch
    {
        (RouteStatus.Draft, RouteStatus.Submitted) => "Отправить на согласование",
        (_, RouteStatus.Draft) => "Вернуть на доработку",
        (_, RouteStatus.Approved) => "Утвердить",
        (_, RouteStatus.InProgress) => "Начать выполнение",
        (_, RouteStatus.Completed) => "Завершить: маршрут выполнен",
        (_, RouteStatus.NotCompleted) => "Закрыть: маршрут не выполнен",
        _ => to.Title(),
    };
}
