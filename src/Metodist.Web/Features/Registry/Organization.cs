using Metodist.Web.Infrastructure.Text;

namespace Metodist.Web.Features.Registry;

public enum OrganizationKind
{
    School,
    Kindergarten,
    AdditionalEducation,
    College,
    MunicipalService,
    RegionalCentre,
    Other,
}

public sealed class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public OrganizationKind Kind { get; set; }
    public string FullName { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Inn { get; set; }

    /// <summary>Lower-cased names with ё folded to е, so that search behaves the same on every database.</summary>
    public string SearchName { get; private set; } = "";

    public void RefreshSearchName() => SearchName = SearchText.Normalize($"{ShortName} {FullName}");
}

public static class OrganizationKinds
{
    public static readonly IReadOnlyDictionary<OrganizationKind, string> Titles = new Dictionary<OrganizationKind, string>
    {
        [OrganizationKind.School] = "Школа",
        [OrganizationKind.Kindergarten] = "Детский сад",
        [OrganizationKind.AdditionalEducation] = "Организация дополнительного образования",
        [OrganizationKind.College] = "СПО",
        [OrganizationKind.MunicipalService] = "ММС",
        [OrganizationKind.RegionalCentre] = "ЦНППМ",
        [OrganizationKind.Other] = "Другое",
    };

    public static string Title(this OrganizationKind kind) => Titles[kind];
}
