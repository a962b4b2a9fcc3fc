using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

/// <summary>The route as a document: the DOCX of the ИОМ form, with who approved it.</summary>
public sealed class RouteDocuments(AppDbContext db)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<(byte[] Content, string FileName)> DocxAsync(DevelopmentRoute route, CancellationToken ct = default)
    {
        route.Person ??= await db.Persons.AsNoTracking().FirstAsync(p => p.Id == route.PersonId, ct);
        var content = RouteDocx.Build(DocumentOf(route));
        return (content, $"ИОМ {route.Person.ShortName} {route.StartsOn:yyyy}.docx");
    }

    /// <summary>What the form prints for a route (its person and steps loaded): the approver is whoever approved it last.</summary>
    public static RouteDocument DocumentOf(DevelopmentRoute route)
    {
        var approval = route.Transitions.Where(t => t.To == RouteStatus.Approved && !t.IsAgreement).OrderByDescending(t => t.At).FirstOrDefault();
        var approved = route.Status is RouteStatus.Approved or RouteStatus.InProgress or RouteStatus.Completed or RouteStatus.NotCompleted;
        var person = route.Person!;
        return RouteDocx.FromRoute(route, person.FullName, person.ShortName, approved ? approval?.UserName : null, approved ? approval?.At : null)
            with { AuthorizedPerson = route.OrganizationAgreedBy };
    }
}
