namespace Metodist.Web.Features.Consultations;

/// <summary>An account that can answer requests at a service: its name, the subjects of its person's main job and its open requests.</summary>
public sealed record DeskCandidate(Guid UserId, string Name, IReadOnlyCollection<Guid> SubjectIds, int OpenRequests)
{
    public bool Teaches(Guid? subjectId) => subjectId is { } id && SubjectIds.Contains(id);
}

/// <summary>
/// What routing needs to know about one request: the asker's municipality, whether they asked for the regional centre, the
/// subject, and who could answer at each level.
/// </summary>
public sealed record RoutingInput(
    Guid? MunicipalityId,
    bool WantsRegion,
    Guid? SubjectId,
    IReadOnlyList<DeskCandidate> MunicipalMethodists,
    IReadOnlyList<DeskCandidate> RegionalMethodists,
    IReadOnlyList<DeskCandidate> RegionAdmins);

/// <summary>The service that answers a request and the methodist it is assigned to (none when nobody there teaches the subject).</summary>
public sealed record RoutingDecision(ConsultationLevel Level, Guid? ServiceMunicipalityId, DeskCandidate? Assignee);

/// <summary>
/// Where a request goes. A request goes to the methodological service of the asker's municipality when that service has
/// at least one methodist account, and to the regional centre (ЦНППМ) otherwise or when the asker chose the centre.
/// Within the service the request is assigned to the methodist who teaches its subject and has the fewest open requests;
/// at the centre an active regional methodist serving the asker's municipality comes before the centre's own staff.
/// When nobody teaches the subject the request stays unassigned, new, for the service to take.
/// </summary>
public static class ConsultationRouting
{
    public static RoutingDecision Decide(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.WantsRegion && input.MunicipalityId is { } municipality && input.MunicipalMethodists.Count > 0)
            return new RoutingDecision(ConsultationLevel.Municipal, municipality, PickAssignee(input.MunicipalMethodists, input.SubjectId));
        var assignee = PickAssignee(input.RegionalMethodists, input.SubjectId) ?? PickAssignee(input.RegionAdmins, input.SubjectId);
        return new RoutingDecision(ConsultationLevel.Regional, null, assignee);
    }

    /// <summary>The least loaded of those who teach the subject (ties by name, so the choice is stable), or null.</summary>
    public static DeskCandidate? PickAssignee(IEnumerable<DeskCandidate> candidates, Guid? subjectId) =>
        candidates.Where(c => c.Teaches(subjectId))
            .OrderBy(c => c.OpenRequests).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.UserId)
            .FirstOrDefault();
}
