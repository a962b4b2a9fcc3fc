using Metodist.Web.Infrastructure.Text;

namespace Metodist.Web.Features.Registry;

public enum QualificationCategory
{
    None,
    Conformity,
    First,
    Highest,
    TeacherMethodist,
    TeacherMentor,
}

public enum EducationLevel
{
    Higher,
    HigherPedagogical,
    SecondaryVocational,
    SecondaryVocationalPedagogical,
    Other,
}

/// <summary>A pedagogical worker or manager kept in the registry.</summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Snils { get; set; }
    public QualificationCategory Category { get; set; }
    public DateOnly? CategoryAssignedOn { get; set; }
    public DateOnly? NextAttestationDue { get; set; }
    public DateOnly? PedagogicalWorkStart { get; set; }
    public EducationLevel? EducationLevel { get; set; }
    public string? Education { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>Folded ФИО for search (see <see cref="SearchText"/>).</summary>
    public string SearchName { get; private set; } = "";

    public List<Employment> Employments { get; set; } = [];

    public string FullName => string.IsNullOrEmpty(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    public string ShortName => $"{LastName} {Initial(FirstName)}{Initial(MiddleName)}".TrimEnd();

    private static string Initial(string? name) => string.IsNullOrEmpty(name) ? "" : name[0] + ".";

    public void RefreshSearchName() => SearchName = SearchText.Normalize(FullName);

    /// <summary>
    /// Sets the category; when the assignment date is known and no explicit due date is given, the
    /// next attestation falls five years later, as a category is valid for five years.
    /// </summary>
    public void AssignCategory(QualificationCategory category, DateOnly? assignedOn, DateOnly? nextDue = null)
    {
        Category = category;
        CategoryAssignedOn = category is QualificationCategory.None ? null : assignedOn;
        NextAttestationDue = category is QualificationCategory.None
            ? null
            : nextDue ?? assignedOn?.AddYears(TeacherRules.CategoryValidityYears);
    }
}

public sealed class Employment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>Copied from the organization so that scope and territory filters need no join.</summary>
    public Guid MunicipalityId { get; set; }

    public Guid PositionId { get; set; }
    public Position? Position { get; set; }
    public bool IsMain { get; set; } = true;
    public DateOnly? StartDate { get; set; }
    public List<EmploymentSubject> Subjects { get; set; } = [];

    public void PlaceAt(Organization organization)
    {
        OrganizationId = organization.Id;
        Organization = organization;
        MunicipalityId = organization.MunicipalityId;
    }
}

public sealed class EmploymentSubject
{
    public Guid EmploymentId { get; set; }
    public Employment? Employment { get; set; }
    public Guid SubjectId { get; set; }
    public Subject? Subject { get; set; }
}

/// <summary>An entry of the positions dictionary (учитель, воспитатель, методист…).</summary>
public sealed class Position
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>An entry of the subjects dictionary.</summary>
public sealed class Subject
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
}
