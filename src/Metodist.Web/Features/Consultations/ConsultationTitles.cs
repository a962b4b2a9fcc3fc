namespace Metodist.Web.Features.Consultations;

/// <summary>Russian titles, API codes and badges of the statuses and levels of consultation requests.</summary>
public static class ConsultationTitles
{
    public const string RegionalCentre = "ЦНППМ";

    public static string Title(this ConsultationStatus status) => status switch
    {
        ConsultationStatus.New => "новая",
        ConsultationStatus.InProgress => "в работе",
        ConsultationStatus.Answered => "ответ дан",
        ConsultationStatus.Closed => "закрыта",
        _ => "отклонена",
    };

    /// <summary>The API's name of a status: new, inProgress, answered, closed, rejected.</summary>
    public static string Code(this ConsultationStatus status) => status switch
    {
        ConsultationStatus.New => "new",
        ConsultationStatus.InProgress => "inProgress",
        ConsultationStatus.Answered => "answered",
        ConsultationStatus.Closed => "closed",
        _ => "rejected",
    };

    public static ConsultationStatus? ParseStatus(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "new" => ConsultationStatus.New,
        "inprogress" or "in_progress" or "in-progress" => ConsultationStatus.InProgress,
        "answered" => ConsultationStatus.Answered,
        "closed" => ConsultationStatus.Closed,
        "rejected" => ConsultationStatus.Rejected,
        _ => null,
    };

    public static string BadgeClass(this ConsultationStatus status) => status switch
    {
        ConsultationStatus.New => "badge warn",
        ConsultationStatus.InProgress => "badge",
        ConsultationStatus.Answered or ConsultationStatus.Closed => "badge ok",
        _ => "badge bad",
    };

    /// <summary>New and in progress: the requests that still wait for an answer and can be overdue.</summary>
    public static bool IsOpen(this ConsultationStatus status) => status is ConsultationStatus.New or ConsultationStatus.InProgress;

    public static string Code(this ConsultationLevel level) => level == ConsultationLevel.Municipal ? "municipal" : "regional";

    public static ConsultationLevel? ParseLevel(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "municipal" => ConsultationLevel.Municipal,
        "regional" or "region" => ConsultationLevel.Regional,
        _ => null,
    };

    public static string Title(this ConsultationLevel level) =>
        level == ConsultationLevel.Municipal ? "муниципальная методическая служба" : "региональный центр (ЦНППМ)";

    /// <summary>The service that answers, as people call it: the municipality's name or ЦНППМ.</summary>
    public static string ServiceName(ConsultationLevel level, string? municipalityName) =>
        level == ConsultationLevel.Municipal && municipalityName is not null ? $"ММС: {municipalityName}" : RegionalCentre;
}
