using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

/// <summary>What section 3 of the routes says about one pair: for its mentees and for its mentor.</summary>
public sealed record PairRouteText(Guid PairId, Guid MentorPersonId, IReadOnlyList<Guid> MenteeIds, string MenteeDetails, string MentorDetails, DateOnly? EndDate);

/// <summary>A person's name and main place of work, as the texts of section 3 name them.</summary>
public sealed record PairPerson(Guid Id, string FullName, string ShortName, string? Organization, string? Position);

/// <summary>
/// Keeps section 3 («Наставничество») of routes in step with mentoring pairs: a mentee's open route gets «Работа с
/// наставником» naming the mentor, the form and the order (the item the drafter proposed is reused), the mentor's open route
/// «Работа в качестве наставника»; a completed pair marks them done, a cancelled one takes them out of a draft and says so
/// in a route already agreed. The functions change routes in memory; the caller saves (the audit log records the change).
/// </summary>
public static class MentoringRouteItems
{
    public const string MenteeTitle = "Работа с наставником";
    public const string MentorTitle = "Работа в качестве наставника";
    private const int MaxDetails = 1000;

    public static bool IsOpen(RouteStatus status) => status is RouteStatus.Draft or RouteStatus.Submitted or RouteStatus.Approved or RouteStatus.InProgress;

    public static PairRouteText Text(Guid pairId, MentoringForm form, string? orderNumber, DateOnly? orderDate, DateOnly? endDate, PairPerson mentor,
        IReadOnlyList<PairPerson> mentees)
    {
        var terms = $"; форма «{form.Title()}»" + (MentoringRules.OrderText(orderNumber, orderDate) is { } order ? $"; приказ {order}" : "");
        var forMentees = $"Наставник — {mentor.ShortName}" + (mentor.Organization is null ? "" : $" ({mentor.Organization})") + terms;
        var named = mentees.Select(m => m.ShortName + (m.Position is null && m.Organization is null
            ? ""
            : $" ({string.Join(", ", new[] { Lower(m.Position), m.Organization }.Where(s => s is not null))})"));
        var forMentor = (mentees.Count == 1 ? "Наставляемый — " : "Наставляемые: ") + string.Join("; ", named) + terms;
        return new PairRouteText(pairId, mentor.Id, mentees.Select(m => m.Id).ToList(), Cut(forMentees), Cut(forMentor), endDate);
    }

    /// <summary>Puts the pair into a mentee's route; returns the item when it is new (the caller adds it to the context).</summary>
    public static RouteItem? LinkMentee(DevelopmentRoute route, PairRouteText pair) => Link(route, pair, MenteeTitle, pair.MenteeDetails);

    /// <summary>Puts the pair into its mentor's route; returns the item when it is new.</summary>
    public static RouteItem? LinkMentor(DevelopmentRoute route, PairRouteText pair) => Link(route, pair, MentorTitle, pair.MentorDetails);

    private static RouteItem? Link(DevelopmentRoute route, PairRouteText pair, string title, string details)
    {
        var mentoring = route.Items.Where(i => i.Section == RouteSection.Mentoring).ToList();
        var item = mentoring.FirstOrDefault(i => i.MentoringPairId == pair.PairId)
            ?? mentoring.Where(i => i.MentoringPairId is null && i.Title == title).MinBy(i => i.SortOrder);
        RouteItem? added = null;
        if (item is null)
        {
            item = added = new RouteItem
            {
                Id = Guid.CreateVersion7(), RouteId = route.Id, PersonId = route.PersonId, Section = RouteSection.Mentoring,
                SortOrder = mentoring.Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1,
            };
            route.Items.Add(item);
        }
        item.Title = title;
        item.Details = details;
        item.Deadline = Deadline(pair.EndDate, route);
        item.MentoringPairId = pair.PairId;
        return added;
    }

    /// <summary>The pair's end when it falls inside the route, else the route's end.</summary>
    public static DateOnly Deadline(DateOnly? pairEnd, DevelopmentRoute route) =>
        pairEnd is { } end && end >= route.StartsOn && end <= route.EndsOn ? end : route.EndsOn;

    /// <summary>Marks the route's items of the pair done on the day it closed, with the order and the mark as evidence.</summary>
    public static int Complete(DevelopmentRoute route, MentoringPair pair)
    {
        var evidence = (MentoringRules.OrderText(pair.OrderNumber, pair.OrderDate) is { } order ? $"Приказ {order}; " : "")
            + $"наставничество завершено {Format.Date(pair.ClosedOn)}, итоговая оценка {pair.EvaluationScore} из 5";
        var count = 0;
        foreach (var item in route.Items.Where(i => i.MentoringPairId == pair.Id && !i.IsDone))
        {
            item.IsDone = true;
            item.DoneOn = pair.ClosedOn;
            item.Evidence = evidence.Length <= 500 ? evidence : evidence[..499] + "…";
            count++;
        }
        return count;
    }

    /// <summary>
    /// The route after its pair was cancelled: a draft loses the items of the pair (returned, for the caller to delete);
    /// a route already agreed keeps them with a note that the mentoring stopped.
    /// </summary>
    public static List<RouteItem> Cancel(DevelopmentRoute route, Guid pairId, DateOnly on)
    {
        var items = route.Items.Where(i => i.MentoringPairId == pairId && !i.IsDone).ToList();
        if (route.Status == RouteStatus.Draft)
        {
            foreach (var item in items) route.Items.Remove(item);
            return items;
        }
        foreach (var item in items) item.Details = Cut($"{item.Details}; наставничество прекращено {Format.Date(on)}");
        return [];
    }

    /// <summary>
    /// The texts of the given pairs, read with a few set queries (for one pair, or every running pair of a batch of drafts).
    /// Names and places of work are today's: the main place of work, else the earliest.
    /// </summary>
    public static async Task<List<PairRouteText>> LoadAsync(AppDbContext db, IQueryable<MentoringPair> pairs, CancellationToken ct)
    {
        var rows = await pairs.AsNoTracking()
            .Select(p => new { p.Id, p.MentorPersonId, p.Form, p.OrderNumber, p.OrderDate, p.EndDate })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var mentees = await db.MentoringMentees.AsNoTracking().Where(m => pairs.Any(p => p.Id == m.PairId))
            .Select(m => new { m.PairId, m.PersonId }).ToListAsync(ct);
        var people = await PeopleAsync(db,
            db.Persons.Where(x => pairs.Any(p => p.MentorPersonId == x.Id) || db.MentoringMentees.Any(m => m.PersonId == x.Id && pairs.Any(p => p.Id == m.PairId))), ct);
        var byPair = mentees.GroupBy(m => m.PairId).ToDictionary(g => g.Key, g => g.Select(m => people[m.PersonId]).OrderBy(m => m.ShortName, StringComparer.Ordinal).ToList());
        return rows.Select(r => Text(r.Id, r.Form, r.OrderNumber, r.OrderDate, r.EndDate, people[r.MentorPersonId], byPair.GetValueOrDefault(r.Id) ?? []))
            .ToList();
    }

    /// <summary>Short names with the main place of work and position of the given people.</summary>
    public static async Task<Dictionary<Guid, PairPerson>> PeopleAsync(AppDbContext db, IQueryable<Person> persons, CancellationToken ct)
    {
        var names = await persons.AsNoTracking().Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct);
        var jobs = (await db.Employments.AsNoTracking().Where(e => persons.Any(p => p.Id == e.PersonId))
                .Select(e => new { e.PersonId, e.IsMain, e.StartDate, e.Id, Organization = e.Organization!.ShortName, Position = e.Position!.Name })
                .ToListAsync(ct))
            .GroupBy(e => e.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate ?? DateOnly.MaxValue).ThenBy(e => e.Id).First());
        return names.ToDictionary(n => n.Id, n =>
        {
            var job = jobs.GetValueOrDefault(n.Id);
            var person = new Person { LastName = n.LastName, FirstName = n.FirstName, MiddleName = n.MiddleName };
            return new PairPerson(n.Id, person.FullName, person.ShortName, job?.Organization, job?.Position);
        });
    }

    private static string? Lower(string? s) => string.IsNullOrEmpty(s) ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string Cut(string text) => text.Length <= MaxDetails ? text : text[..(MaxDetails - 1)] + "…";
}
