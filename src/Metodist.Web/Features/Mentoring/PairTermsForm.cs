namespace Metodist.Web.Features.Mentoring;

/// <summary>The terms of a pair as the pages' forms post them: form and level by their codes, dates, the order and the goals.</summary>
public class PairTermsForm
{
    public string? Form { get; set; }
    public string? Level { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? OrderNumber { get; set; }
    public DateOnly? OrderDate { get; set; }
    public string? Goals { get; set; }

    public MentoringForm? ParsedForm => MentoringTitles.ParseForm(Form);

    public MentoringLevel? ParsedLevel => MentoringTitles.ParseLevel(Level);
}
