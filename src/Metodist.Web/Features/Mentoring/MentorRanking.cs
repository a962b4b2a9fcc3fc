using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Features.Mentoring;

/// <summary>The young teacher a mentor is looked for: their main place of work and subjects there.</summary>
public sealed record MenteeFacts(Guid PersonId, Guid? OrganizationId, Guid? MunicipalityId, IReadOnlyCollection<Guid> SubjectIds);

/// <summary>A possible mentor as the registry gives them: main place of work, subjects, category, experience and current mentees.</summary>
public sealed record MentorCandidate(
    Guid PersonId, string Name, Guid OrganizationId, string Organization, Guid MunicipalityId, IReadOnlyList<(Guid Id, string Name)> Subjects,
    QualificationCategory Category, int ExperienceYears, int CurrentMentees, bool IsYoung = false);

/// <summary>A ranked suggestion: the candidate, the score (0–100) and the reasons, in Russian, that make it up.</summary>
public sealed record MentorSuggestion(MentorCandidate Candidate, int Score, IReadOnlyList<string> Reasons, bool Overloaded);

/// <summary>
/// Ranks possible mentors for a young teacher. Points: the same subject 40; the same organization 25, or else the same
/// municipality 10; category «высшая», «педагог-методист» or «педагог-наставник» 15, «первая» 8; experience up to 10
/// (a point for every two years, from the required five on); no mentees yet 10, fewer than the limit 5. Candidates at
/// or over the load limit come last whatever their points, with the overload as a reason. The teacher themselves,
/// other young teachers and those with less than five years of experience are not offered.
/// </summary>
public static class MentorRanking
{
    /// <summary>The experience a mentor needs: the same five years as the methodical asset.</summary>
    public const int MinExperienceYears = TeacherRules.AssetMinExperienceYears;
    public const int MaxSuggestions = 10;

    public const int SameSubjectPoints = 40;
    public const int SameOrganizationPoints = 25;
    public const int SameMunicipalityPoints = 10;
    public const int TopCategoryPoints = 15;
    public const int FirstCategoryPoints = 8;
    public const int MaxExperiencePoints = 10;
    public const int FreePoints = 10;
    public const int UnderLimitPoints = 5;

    public static IReadOnlyList<MentorSuggestion> Rank(MenteeFacts mentee, IEnumerable<MentorCandidate> candidates, int loadLimit, int take = MaxSuggestions) =>
        candidates
            .Where(c => c.PersonId != mentee.PersonId && !c.IsYoung && c.ExperienceYears >= MinExperienceYears)
            .Select(c => Score(mentee, c, loadLimit))
            .OrderBy(s => s.Overloaded)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.CurrentMentees)
            .ThenBy(s => s.Candidate.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Candidate.PersonId)
            .Take(take)
            .ToList();

    public static MentorSuggestion Score(MenteeFacts mentee, MentorCandidate c, int loadLimit)
    {
        var score = 0;
        var reasons = new List<string>();
        var common = c.Subjects.Where(s => mentee.SubjectIds.Contains(s.Id)).Select(s => s.Name).ToList();
        if (common.Count > 0)
        {
            score += SameSubjectPoints;
            reasons.Add($"Тот же предмет: {string.Join(", ", common)}");
        }
        if (mentee.OrganizationId == c.OrganizationId)
        {
            score += SameOrganizationPoints;
            reasons.Add($"Работает в той же организации ({c.Organization})");
        }
        else if (mentee.MunicipalityId == c.MunicipalityId)
        {
            score += SameMunicipalityPoints;
            reasons.Add($"Тот же муниципалитет, другая организация ({c.Organization})");
        }
        switch (c.Category)
        {
            case QualificationCategory.Highest or QualificationCategory.TeacherMethodist or QualificationCategory.TeacherMentor:
                score += TopCategoryPoints;
                reasons.Add($"Квалификационная категория: {Lower(c.Category.Title())}");
                break;
            case QualificationCategory.First:
                score += FirstCategoryPoints;
                reasons.Add("Первая квалификационная категория");
                break;
        }
        score += ExperiencePoints(c.ExperienceYears);
        reasons.Add($"Педагогический стаж {Format.Years(c.ExperienceYears)}");
        var overloaded = c.CurrentMentees >= loadLimit;
        if (overloaded)
        {
            reasons.Add($"Перегрузка: уже {MenteesCount(c.CurrentMentees)} при норме {loadLimit}");
        }
        else if (c.CurrentMentees == 0)
        {
            score += FreePoints;
            reasons.Add("Пока нет наставляемых");
        }
        else
        {
            score += UnderLimitPoints;
            reasons.Add($"Сейчас {MenteesCount(c.CurrentMentees)} при норме {loadLimit}");
        }
        return new MentorSuggestion(c, score, reasons, overloaded);
    }

    /// <summary>A point for every two years over the required five, up to <see cref="MaxExperiencePoints"/>.</summary>
    public static int ExperiencePoints(int years) => Math.Clamp((years - MinExperienceYears) / 2 + 1, 0, MaxExperiencePoints);

    public static string MenteesCount(int n) => Format.Count(n, "наставляемый", "наставляемых", "наставляемых");

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
