namespace Metodist.Web.Features.Registry;

/// <summary>Flags that follow from registry dates; they are computed, never typed in.</summary>
public static class TeacherRules
{
    public const int YoungTeacherMaxAge = 35;
    public const int YoungTeacherMaxExperienceYears = 3;
    public const int AssetMinExperienceYears = 5;
    public const int CategoryValidityYears = 5;

    public static int FullYearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years)) years--;
        return Math.Max(0, years);
    }

    public static int Age(DateOnly birthDate, DateOnly today) => FullYearsBetween(birthDate, today);

    public static int? ExperienceYears(DateOnly? workStart, DateOnly today) =>
        workStart is { } start && start <= today ? FullYearsBetween(start, today) : null;

    /// <summary>Born after this date means under 35 today.</summary>
    public static DateOnly YoungBornAfter(DateOnly today) => LatestDateFullYearsBefore(today, YoungTeacherMaxAge);

    /// <summary>Started on or after this date means at most three years of pedagogical work today.</summary>
    public static DateOnly YoungStartedOnOrAfter(DateOnly today) => today.AddYears(-YoungTeacherMaxExperienceYears);

    /// <summary>Started on or before this date means at least five years of experience today.</summary>
    public static DateOnly AssetStartedOnOrBefore(DateOnly today) => LatestDateFullYearsBefore(today, AssetMinExperienceYears);

    /// <summary>
    /// The latest date from which <paramref name="years"/> full years have passed by <paramref name="today"/>, agreeing with
    /// <see cref="FullYearsBetween"/>: a term from 29 February ends on 28 February of a common year (Civil Code art. 192),
    /// where <c>AddYears</c> alone would be a day early.
    /// </summary>
    private static DateOnly LatestDateFullYearsBefore(DateOnly today, int years)
    {
        var date = today.AddYears(-years);
        var next = date.AddDays(1);
        return FullYearsBetween(next, today) >= years ? next : date;
    }

    public static bool IsYoungTeacher(DateOnly birthDate, DateOnly? workStart, DateOnly today) =>
        birthDate > YoungBornAfter(today) && workStart is { } start && start >= YoungStartedOnOrAfter(today) && start <= today;

    public static bool IsAssetCategory(QualificationCategory category) =>
        category is QualificationCategory.Highest or QualificationCategory.TeacherMethodist;

    public static bool IsEligibleForAsset(QualificationCategory category, DateOnly? workStart, DateOnly today) =>
        IsAssetCategory(category) && workStart is { } start && start <= AssetStartedOnOrBefore(today);
}
