using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Asset;

/// <summary>The six requirements to a regional methodist (seed 004): two the registry answers, four only a person can judge.</summary>
public enum AssetRequirement
{
    Category,
    Experience,
    AssociationLeader,
    ExamExpert,
    CommunityLeader,
    HighStudentResults,
}

/// <summary>How a person fits the requirements.</summary>
public enum AssetFit
{
    /// <summary>A requirement the registry answers is not met.</summary>
    NotEligible,

    /// <summary>Both registry requirements are met; none of the judged ones is confirmed yet.</summary>
    ByRegistry,

    /// <summary>Both registry requirements and at least one judged one.</summary>
    Eligible,
}

/// <summary>What the administrator has confirmed of the requirements only a person can judge.</summary>
public sealed record JudgedRequirements(bool AssociationLeader, bool ExamExpert, bool CommunityLeader, bool HighStudentResults)
{
    public static readonly JudgedRequirements None = new(false, false, false, false);

    public bool Any => AssociationLeader || ExamExpert || CommunityLeader || HighStudentResults;

    public static JudgedRequirements Of(RegionalMethodist methodist) =>
        new(methodist.IsAssociationLeader, methodist.IsExamExpert, methodist.IsCommunityLeader, methodist.HasHighStudentResults);
}

/// <summary>One requirement and whether the person meets it.</summary>
public sealed record RequirementCheck(AssetRequirement Requirement, bool Met)
{
    public string Code => Requirement.Code();
    public string Title => Requirement.Title();
    public bool IsJudged => AssetEligibility.IsJudged(Requirement);
}

public sealed record AssetEligibilityResult(IReadOnlyList<RequirementCheck> Requirements, AssetFit Fit)
{
    public bool Eligible => Fit == AssetFit.Eligible;

    /// <summary>Both requirements the registry answers are met.</summary>
    public bool MeetsRegistry => Fit != AssetFit.NotEligible;
}

/// <summary>
/// Who may become a regional methodist: the highest qualification category (or «педагог-методист»), at least five years of
/// pedagogical work, and at least one of: leads a methodical association or council, is an expert of a state-exam
/// commission, leads a professional community, has stably high results of students.
/// </summary>
public static class AssetEligibility
{
    public static readonly AssetRequirement[] All = Enum.GetValues<AssetRequirement>();

    public static bool IsJudged(AssetRequirement requirement) => requirement is not (AssetRequirement.Category or AssetRequirement.Experience);

    public static AssetEligibilityResult Evaluate(QualificationCategory category, DateOnly? workStart, JudgedRequirements judged, DateOnly today)
    {
        var checks = new List<RequirementCheck>
        {
            new(AssetRequirement.Category, TeacherRules.IsAssetCategory(category)),
            new(AssetRequirement.Experience, workStart is { } start && start <= TeacherRules.AssetStartedOnOrBefore(today)),
            new(AssetRequirement.AssociationLeader, judged.AssociationLeader),
            new(AssetRequirement.ExamExpert, judged.ExamExpert),
            new(AssetRequirement.CommunityLeader, judged.CommunityLeader),
            new(AssetRequirement.HighStudentResults, judged.HighStudentResults),
        };
        var registry = checks[0].Met && checks[1].Met;
        var fit = !registry ? AssetFit.NotEligible : judged.Any ? AssetFit.Eligible : AssetFit.ByRegistry;
        return new AssetEligibilityResult(checks, fit);
    }

    public static string Title(this AssetRequirement requirement) => requirement switch
    {
        AssetRequirement.Category => "Высшая квалификационная категория (или «педагог-методист»)",
        AssetRequirement.Experience => $"Стаж педагогической работы не менее {TeacherRules.AssetMinExperienceYears} лет",
        AssetRequirement.AssociationLeader => "Руководитель методического объединения, совета",
        AssetRequirement.ExamExpert => "Эксперт предметной комиссии ГИА",
        AssetRequirement.CommunityLeader => "Лидер профессионального сообщества",
        _ => "Стабильно высокие результаты обучающихся",
    };

    /// <summary>The name of a requirement in the columns of a list.</summary>
    public static string ShortTitle(this AssetRequirement requirement) => requirement switch
    {
        AssetRequirement.Category => "Высшая категория",
        AssetRequirement.Experience => $"Стаж от {TeacherRules.AssetMinExperienceYears} лет",
        AssetRequirement.AssociationLeader => "Руководитель МО",
        AssetRequirement.ExamExpert => "Эксперт ГИА",
        AssetRequirement.CommunityLeader => "Лидер сообщества",
        _ => "Высокие результаты",
    };

    /// <summary>The API's name of a requirement.</summary>
    public static string Code(this AssetRequirement requirement) => requirement switch
    {
        AssetRequirement.Category => "category",
        AssetRequirement.Experience => "experience",
        AssetRequirement.AssociationLeader => "associationLeader",
        AssetRequirement.ExamExpert => "examExpert",
        AssetRequirement.CommunityLeader => "communityLeader",
        _ => "highStudentResults",
    };

    public static string Title(this AssetFit fit) => fit switch
    {
        AssetFit.Eligible => "соответствует требованиям",
        AssetFit.ByRegistry => "по данным реестра подходит",
        _ => "не соответствует",
    };

    public static string BadgeClass(this AssetFit fit) => fit switch
    {
        AssetFit.Eligible => "badge ok",
        AssetFit.ByRegistry => "badge warn",
        _ => "badge bad",
    };

    public static string Code(this AssetFit fit) => fit switch
    {
        AssetFit.Eligible => "eligible",
        AssetFit.ByRegistry => "byRegistry",
        _ => "notEligible",
    };
}
