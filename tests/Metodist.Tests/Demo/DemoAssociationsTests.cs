using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Demo;

/// <summary>The associations of the demo region: every level the demo has, members, a plan of seven items, events held and coming, protocols.</summary>
[Collection(DemoRegionGroup.Name)]
public sealed class DemoAssociationsTests(DemoRegionFixture fixture)
{
    [Fact]
    public async Task TheLeadAccountsAssociationHasMembersAPublishedPlanEventsHeldAndComingAProtocolAndRequestsToJoin()
    {
        var (association, members, plan, events, protocols) = await fixture.QueryAsync(async db => (
            await db.Associations.AsNoTracking().SingleAsync(a => a.Id == DemoIds.MathAssociation),
            await db.AssociationMembers.AsNoTracking().Where(m => m.AssociationId == DemoIds.MathAssociation).ToListAsync(),
            await db.WorkPlans.AsNoTracking().Include(p => p.Items).SingleAsync(p => p.AssociationId == DemoIds.MathAssociation),
            await db.Events.AsNoTracking().Include(e => e.Registrations).Where(e => e.AssociationId == DemoIds.MathAssociation).ToListAsync(),
            await db.Protocols.AsNoTracking().Include(p => p.Assignments).Where(p => p.AssociationId == DemoIds.MathAssociation).ToListAsync()));
        var lead = await fixture.QueryAsync(db => db.Users.Where(u => u.UserName == "lead").Select(u => u.PersonId).SingleAsync());

        association.LeaderPersonId.Should().Be(lead);
        association.Level.Should().Be(AssociationLevel.Municipal);
        members.Count(m => m.Status == MemberStatus.Active).Should().BeGreaterThan(5);
        members.Should().Contain(m => m.Status == MemberStatus.Requested);
        plan.Status.Should().Be(PlanStatus.Published);
        plan.Items.Should().HaveCount(7);
        var now = DateTime.UtcNow;
        events.Should().Contain(e => e.StartsAt < now && e.Registrations.Any(r => r.Attended))
            .And.Contain(e => e.StartsAt > now && e.Status == EventStatus.Published);
        protocols.Should().NotBeEmpty();
        protocols.SelectMany(p => p.Assignments).Should().Contain(a => a.DoneOn == null);
    }

    [Fact]
    public async Task EveryMunicipalityHasAssociationsAndTheRegionHasItsOwn()
    {
        var rows = await fixture.QueryAsync(db => db.Associations.AsNoTracking().Select(a => new { a.Level, a.MunicipalityId }).ToListAsync());
        var municipalities = await fixture.QueryAsync(db => db.Municipalities.CountAsync());
        rows.Where(r => r.Level == AssociationLevel.Municipal).Select(r => r.MunicipalityId).Distinct().Count().Should().Be(municipalities);
        rows.Should().Contain(r => r.Level == AssociationLevel.Regional);
    }

    [Fact]
    public async Task EveryLevelKindAndStateOfTheYearIsPresent()
    {
        var (associations, items, plans, reports, programmes) = await fixture.QueryAsync(async db => (
            await db.Associations.AsNoTracking().Select(a => new { a.Level, a.Kind }).ToListAsync(),
            await db.PlanItems.AsNoTracking().Select(i => i.Outcome).ToListAsync(),
            await db.WorkPlans.AsNoTracking().Select(p => new { p.Kind, p.Status }).ToListAsync(),
            await db.AssociationReports.AsNoTracking().Select(r => r.Status).ToListAsync(),
            await db.Programmes.AsNoTracking().Include(p => p.Stages).Include(p => p.Sources).ToListAsync()));

        associations.Select(a => a.Level).Distinct().Should().BeEquivalentTo(Enum.GetValues<AssociationLevel>());
        associations.Select(a => a.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<AssociationKind>());
        items.Distinct().Should().BeEquivalentTo(Enum.GetValues<PlanItemOutcome>());
        plans.Should().Contain(p => p.Kind == PlanKind.RoadMap);
        plans.Select(p => p.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<PlanStatus>());
        reports.Should().Contain(ReportStatus.Draft).And.Contain(ReportStatus.Submitted);
        programmes.Should().ContainSingle(p => p.AssociationId == DemoIds.MathAssociation && p.IsPublished && p.Stages.Count == 3 && p.Sources.Count == 3);
    }
}
