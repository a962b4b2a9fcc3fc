using System.Globalization;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>One questionnaire round: the academic year ("2026-2027") and its half.</summary>
public readonly record struct AdaptationPeriod(int StartYear, AdaptationRound Round) : IComparable<AdaptationPeriod>
{
    /// <summary>"2026-2027".</summary>
    public string AcademicYear => $"{StartYear.ToString(CultureInfo.InvariantCulture)}-{(StartYear + 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"осень 2026-2027".</summary>
    public string Name => $"{Round.Title()} {AcademicYear}";

    public AdaptationPeriod Next => Round == AdaptationRound.Autumn ? this with { Round = AdaptationRound.Spring } : new(StartYear + 1, AdaptationRound.Autumn);

    public AdaptationPeriod Previous => Round == AdaptationRound.Spring ? this with { Round = AdaptationRound.Autumn } : new(StartYear - 1, AdaptationRound.Spring);

    /// <summary>The usual window of the round: 1 November – 20 December in the autumn, 1 April – 20 May in the spring.</summary>
    public DateOnly DefaultOpensOn => Round == AdaptationRound.Autumn ? new DateOnly(StartYear, 11, 1) : new DateOnly(StartYear + 1, 4, 1);

    public DateOnly DefaultClosesOn => Round == AdaptationRound.Autumn ? new DateOnly(StartYear, 12, 20) : new DateOnly(StartYear + 1, 5, 20);

    public string Title => $"Адаптация молодых педагогов: {Name}";

    public int CompareTo(AdaptationPeriod other) => StartYear != other.StartYear ? StartYear.CompareTo(other.StartYear) : Round.CompareTo(other.Round);

    public static bool operator <(AdaptationPeriod a, AdaptationPeriod b) => a.CompareTo(b) < 0;

    public static bool operator >(AdaptationPeriod a, AdaptationPeriod b) => a.CompareTo(b) > 0;

    public static bool operator <=(AdaptationPeriod a, AdaptationPeriod b) => a.CompareTo(b) <= 0;

    public static bool operator >=(AdaptationPeriod a, AdaptationPeriod b) => a.CompareTo(b) >= 0;

    /// <summary>The round a date falls in: September–December is the autumn of that academic year, January–August its spring.</summary>
    public static AdaptationPeriod Of(DateOnly date) =>
        date.Month >= 9 ? new(date.Year, AdaptationRound.Autumn) : new(date.Year - 1, AdaptationRound.Spring);

    /// <summary>The period of a stored survey; null when its academic year is not written "YYYY-YYYY".</summary>
    public static AdaptationPeriod? Of(string academicYear, AdaptationRound round) =>
        academicYear.Length == 9 && int.TryParse(academicYear.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? new AdaptationPeriod(year, round)
            : null;
}

/// <summary>Where a round stands on a given day.</summary>
public enum AdaptationSurveyState
{
    Planned,
    Open,
    Closed,
}

public static class AdaptationTitles
{
    public static string Title(this AdaptationRound round) => round == AdaptationRound.Autumn ? "осень" : "весна";

    public static string Code(this AdaptationRound round) => round == AdaptationRound.Autumn ? "autumn" : "spring";

    public static string Code(this AdaptationQuestionKind kind) => kind == AdaptationQuestionKind.Scale ? "scale" : "text";

    public static string Title(this AdaptationQuestionKind kind) => kind == AdaptationQuestionKind.Scale ? "оценка от 1 до 5" : "свободный ответ";

    /// <summary>A mean mark as pages show it: "4,25", or a dash when there is none.</summary>
    public static string Mark(decimal? mean) => mean?.ToString("0.00", MetodistApp.Russian) ?? "—";

    /// <summary>A share in per cent as pages show it: "45,3 %", or a dash.</summary>
    public static string Percent(decimal? share) => share is { } value ? value.ToString("0.#", MetodistApp.Russian) + " %" : "—";

    public static AdaptationSurveyState StateOn(this AdaptationSurvey survey, DateOnly today) =>
        today < survey.OpensOn ? AdaptationSurveyState.Planned : today > survey.ClosesOn ? AdaptationSurveyState.Closed : AdaptationSurveyState.Open;

    public static string Code(this AdaptationSurveyState state) => state switch
    {
        AdaptationSurveyState.Planned => "planned",
        AdaptationSurveyState.Open => "open",
        _ => "closed",
    };

    public static string Title(this AdaptationSurveyState state) => state switch
    {
        AdaptationSurveyState.Planned => "ещё не начат",
        AdaptationSurveyState.Open => "идёт",
        _ => "завершён",
    };

    /// <summary>The badge class of the site's CSS for the state: only a running round stands out.</summary>
    public static string Badge(this AdaptationSurveyState state) => state switch
    {
        AdaptationSurveyState.Open => "ok",
        _ => "",
    };
}
