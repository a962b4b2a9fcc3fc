using Metodist.Web.Features.Consultations;

namespace Metodist.Tests.Consultations;

[Trait("Category", "Unit")]
public sealed class ConsultationRoutingTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Mathematics = Guid.NewGuid();
    private static readonly Guid Physics = Guid.NewGuid();

    private static DeskCandidate Methodist(string name, int open, params Guid[] subjects) => new(Guid.NewGuid(), name, subjects, open);

    private static RoutingInput Input(Guid? subject, IReadOnlyList<DeskCandidate> municipal, IReadOnlyList<DeskCandidate>? regional = null,
        IReadOnlyList<DeskCandidate>? admins = null, bool wantsRegion = false, Guid? municipality = null) =>
        new(municipality ?? Municipality, wantsRegion, subject, municipal, regional ?? [], admins ?? []);

    [Fact]
    public void RequestGoesToTheMunicipalServiceWhenItHasAMethodist()
    {
        var decision = ConsultationRouting.Decide(Input(Mathematics, [Methodist("Иванова", 0, Physics)]));

        decision.Level.Should().Be(ConsultationLevel.Municipal);
        decision.ServiceMunicipalityId.Should().Be(Municipality);
    }

    [Fact]
    public void RequestGoesToTheRegionWhenTheMunicipalityHasNoMethodist()
    {
        var decision = ConsultationRouting.Decide(Input(Mathematics, [], admins: [Methodist("ЦНППМ", 0)]));

        decision.Level.Should().Be(ConsultationLevel.Regional);
        decision.ServiceMunicipalityId.Should().BeNull();
    }

    [Fact]
    public void AskerWhoChoosesTheRegionalCentreSkipsTheMunicipalService()
    {
        var decision = ConsultationRouting.Decide(Input(Mathematics, [Methodist("Иванова", 0, Mathematics)], wantsRegion: true));

        decision.Level.Should().Be(ConsultationLevel.Regional);
        decision.Assignee.Should().BeNull();
    }

    [Fact]
    public void AskerWithoutAMunicipalityGoesToTheRegion()
    {
        var decision = ConsultationRouting.Decide(new RoutingInput(null, false, Mathematics, [Methodist("Иванова", 0, Mathematics)], [], []));

        decision.Level.Should().Be(ConsultationLevel.Regional);
    }

    [Fact]
    public void MethodistWhoTeachesTheSubjectGetsTheRequest()
    {
        var physicist = Methodist("Петрова", 5, Physics);
        var mathematician = Methodist("Сидорова", 7, Mathematics, Physics);

        ConsultationRouting.Decide(Input(Mathematics, [physicist, mathematician])).Assignee.Should().Be(mathematician);
    }

    [Fact]
    public void LeastLoadedOfThoseWhoTeachTheSubjectGetsTheRequest()
    {
        var busy = Methodist("Антонова", 4, Mathematics);
        var free = Methodist("Яковлева", 1, Mathematics);
        var idleButOtherSubject = Methodist("Борисова", 0, Physics);

        ConsultationRouting.Decide(Input(Mathematics, [busy, free, idleButOtherSubject])).Assignee.Should().Be(free);
    }

    [Fact]
    public void EqualLoadIsSettledByName()
    {
        var second = Methodist("Яковлева", 2, Mathematics);
        var first = Methodist("Антонова", 2, Mathematics);

        ConsultationRouting.Decide(Input(Mathematics, [second, first])).Assignee.Should().Be(first);
    }

    [Fact]
    public void NobodyIsAssignedWhenNoMethodistTeachesTheSubject()
    {
        var decision = ConsultationRouting.Decide(Input(Physics, [Methodist("Иванова", 0, Mathematics)]));

        decision.Level.Should().Be(ConsultationLevel.Municipal);
        decision.Assignee.Should().BeNull();
    }

    [Fact]
    public void RequestWithASubjectOutsideTheDictionaryIsLeftForTheServiceToTake() =>
        ConsultationRouting.Decide(Input(null, [Methodist("Иванова", 0, Mathematics)])).Assignee.Should().BeNull();

    [Fact]
    public void RegionalMethodistOfTheSubjectComesBeforeTheCentresStaff()
    {
        var regional = Methodist("Регионова", 9, Physics);
        var admin = Methodist("Центрова", 0, Physics);

        ConsultationRouting.Decide(Input(Physics, [], [regional], [admin])).Assignee.Should().Be(regional);
    }

    [Fact]
    public void CentresStaffGetTheRequestWhenNoRegionalMethodistTeachesTheSubject()
    {
        var regional = Methodist("Регионова", 0, Mathematics);
        var admin = Methodist("Центрова", 3, Physics);

        ConsultationRouting.Decide(Input(Physics, [], [regional], [admin])).Assignee.Should().Be(admin);
    }
}
