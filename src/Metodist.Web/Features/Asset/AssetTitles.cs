using System.Globalization;

namespace Metodist.Web.Features.Asset;

/// <summary>Russian names, API codes and badges of the statuses of a regional methodist.</summary>
public static class AssetTitles
{
    public static readonly AssetStatus[] Statuses = Enum.GetValues<AssetStatus>();

    public static string Title(this AssetStatus status) => status switch
    {
        AssetStatus.Candidate => "кандидат",
        AssetStatus.Assessed => "прошёл оценку компетенций",
        AssetStatus.Trained => "прошёл обучение",
        AssetStatus.Active => "действующий региональный методист",
        _ => "выведен",
    };

    /// <summary>The name of a tab of the list: the people in that status.</summary>
    public static string PluralTitle(this AssetStatus status) => status switch
    {
        AssetStatus.Candidate => "Кандидаты",
        AssetStatus.Assessed => "Прошли оценку",
        AssetStatus.Trained => "Прошли обучение",
        AssetStatus.Active => "Действующие",
        _ => "Выведены",
    };

    public static string BadgeClass(this AssetStatus status) => status switch
    {
        AssetStatus.Active => "badge ok",
        AssetStatus.Withdrawn => "badge bad",
        AssetStatus.Candidate => "badge",
        _ => "badge warn",
    };

    /// <summary>The API's name of a status: candidate, assessed, trained, active, withdrawn.</summary>
    public static string Code(this AssetStatus status) => status switch
    {
        AssetStatus.Candidate => "candidate",
        AssetStatus.Assessed => "assessed",
        AssetStatus.Trained => "trained",
        AssetStatus.Active => "active",
        _ => "withdrawn",
    };

    public static AssetStatus? ParseStatus(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "candidate" => AssetStatus.Candidate,
        "assessed" => AssetStatus.Assessed,
        "trained" => AssetStatus.Trained,
        "active" => AssetStatus.Active,
        "withdrawn" => AssetStatus.Withdrawn,
        _ => null,
    };

    public static string Codes => string.Join(", ", Statuses.Select(s => s.Code()));

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A number with one decimal and a comma: «1,6».</summary>
    public static string Decimal(double value) => value.ToString("0.0", Ru);
}
