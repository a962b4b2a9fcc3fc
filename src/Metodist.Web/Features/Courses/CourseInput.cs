namespace Metodist.Web.Features.Courses;

/// <summary>The course form of the region administrator, with the checks that need nothing but the form itself.</summary>
public sealed class CourseInput
{
    public const int MaxHours = 2000;

    public string? Title { get; set; }
    public string? Provider { get; set; }
    public CourseKind Kind { get; set; }
    public CourseForm Form { get; set; }
    public int? Hours { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>Empty when places are not limited.</summary>
    public int? Quota { get; set; }

    public bool FederalRegistry { get; set; }
    public Guid? SubjectId { get; set; }
    public List<Guid> AreaIds { get; set; } = [];
    public string? Description { get; set; }

    public static CourseInput From(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new CourseInput
        {
            Title = course.Title, Provider = course.Provider, Kind = course.Kind, Form = course.Form, Hours = course.Hours,
            StartsOn = course.StartsOn, EndsOn = course.EndsOn, Quota = course.Quota, FederalRegistry = course.FederalRegistry,
            SubjectId = course.SubjectId, AreaIds = course.Areas.Select(a => a.AreaId).ToList(), Description = course.Description,
        };
    }

    /// <summary>Field → Russian message for what is wrong; empty when the form may be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title)) errors[nameof(Title)] = "Укажите название программы.";
        else if (Title.Trim().Length > 500) errors[nameof(Title)] = "Название — не длиннее 500 символов.";
        if (string.IsNullOrWhiteSpace(Provider)) errors[nameof(Provider)] = "Укажите организатора — организацию, которая проводит обучение.";
        else if (Provider.Trim().Length > 300) errors[nameof(Provider)] = "Название организатора — не длиннее 300 символов.";
        if (Hours is null) errors[nameof(Hours)] = "Укажите объём программы в часах.";
        else if (Hours is < 1 or > MaxHours) errors[nameof(Hours)] = $"Объём программы — от 1 до {MaxHours} часов.";
        if (StartsOn is { } start && EndsOn is { } end && end < start) errors[nameof(EndsOn)] = "Дата окончания раньше даты начала.";
        if (Quota is < 1) errors[nameof(Quota)] = "Квота — не меньше одного места; оставьте поле пустым, если места не ограничены.";
        if (AreaIds.Count == 0) errors[nameof(AreaIds)] = "Отметьте хотя бы одну область компетенций, на которую направлена программа.";
        if (Description?.Trim().Length > 4000) errors[nameof(Description)] = "Описание — не длиннее 4000 символов.";
        if (!Enum.IsDefined(Kind)) errors[nameof(Kind)] = "Выберите вид программы.";
        if (!Enum.IsDefined(Form)) errors[nameof(Form)] = "Выберите форму обучения.";
        return errors;
    }

    /// <summary>Copies the form onto the course (areas are replaced by the page, which knows the tracked rows).</summary>
    public void ApplyTo(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        course.Title = Title!.Trim();
        course.Provider = Provider!.Trim();
        course.Kind = Kind;
        course.Form = Form;
        course.Hours = Hours!.Value;
        course.StartsOn = StartsOn;
        course.EndsOn = EndsOn;
        course.Quota = Quota;
        course.FederalRegistry = FederalRegistry;
        course.SubjectId = SubjectId;
        course.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        var chosen = AreaIds.Distinct().ToList();
        course.Areas.RemoveAll(a => !chosen.Contains(a.AreaId));
        foreach (var areaId in chosen.Where(id => course.Areas.All(a => a.AreaId != id)))
            course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = areaId });
    }
}
