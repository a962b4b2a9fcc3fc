namespace Metodist.Web.Features.Diagnostics;

/// <summary>How far a teacher falls short in an area (or overall): the three levels of the ИОМ form.</summary>
public enum DeficitLevel
{
    None,
    Partial,
    Pronounced,
}

/// <summary>One area of the competence framework (нормативно-правовая, предметная…), edited by the region administrator.</summary>
public sealed class CompetenceArea
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short Latin code used in import headings and the API (<c>legal</c>, <c>digital</c>…).</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}

public static class DeficitLevels
{
    public static string Title(this DeficitLevel level) => level switch
    {
        DeficitLevel.None => "нет дефицита",
        DeficitLevel.Partial => "частичный дефицит",
        _ => "выраженный дефицит",
    };

    /// <summary>The API's name of the level: <c>none</c>, <c>partial</c>, <c>pronounced</c>.</summary>
    public static string Code(this DeficitLevel level) => level switch
    {
        DeficitLevel.None => "none",
        DeficitLevel.Partial => "partial",
        _ => "pronounced",
    };

    /// <summary>Reads the API's name of a level back; null for anything else.</summary>
    public static DeficitLevel? ParseCode(string? code) => code switch
    {
        "none" => DeficitLevel.None,
        "partial" => DeficitLevel.Partial,
        "pronounced" => DeficitLevel.Pronounced,
        _ => null,
    };

    public static string BadgeClass(this DeficitLevel level) => level switch
    {
        DeficitLevel.None => "badge ok",
        DeficitLevel.Partial => "badge warn",
        _ => "badge bad",
    };
}

/// <summary>The default framework, created by the migration with fixed ids.</summary>
public static class DefaultAreas
{
    public static readonly Guid Legal = new("5c1a0001-0000-4000-8000-000000000001");
    public static readonly Guid Subject = new("5c1a0001-0000-4000-8000-000000000002");
    public static readonly Guid Methodical = new("5c1a0001-0000-4000-8000-000000000003");
    public static readonly Guid Psychological = new("5c1a0001-0000-4000-8000-000000000004");
    public static readonly Guid Digital = new("5c1a0001-0000-4000-8000-000000000005");
    public static readonly Guid Inclusive = new("5c1a0001-0000-4000-8000-000000000006");
    public static readonly Guid Gifted = new("5c1a0001-0000-4000-8000-000000000007");

    public static readonly IReadOnlyList<(Guid Id, string Code, string Name)> All =
    [
        (Legal, "legal", "Нормативно-правовая компетенция"),
        (Subject, "subject", "Предметная компетенция"),
        (Methodical, "methodical", "Методическая компетенция"),
        (Psychological, "psychology", "Психолого-педагогическая компетенция"),
        (Digital, "digital", "Цифровая компетенция"),
        (Inclusive, "inclusive", "Инклюзивное образование"),
        (Gifted, "gifted", "Работа с одарёнными детьми"),
    ];

    /// <summary>The diagnostic that imported results of outside assessments belong to unless another is named.</summary>
    public static readonly Guid ExternalDiagnostic = new("5c1a0002-0000-4000-8000-000000000001");
}
