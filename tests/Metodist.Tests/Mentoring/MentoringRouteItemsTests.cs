using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Routes;

namespace Metodist.Tests.Mentoring;

/// <summary>Section 3 of routes kept in step with a pair, in memory; and the drafter preferring a running pair over a colleague the registry offers.</summary>
[Trait("Category", "Unit")]
public sealed class MentoringRouteItemsTests
{
    private static readonly DateOnly Start = new(2026, 9, 1);
    private static readonly DateOnly End = new(2027, 5, 31);

    private static readonly PairPerson Mentor = new(Guid.NewGuid(), "Смирнова Елена Викторовна", "Смирнова Е.В.", "МБОУ СШ № 1", "Учитель");
    private static readonly PairPerson Mentee = new(Guid.NewGuid(), "Новикова Анна Сергеевна", "Новикова А.С.", "МБОУ СШ № 1", "Учитель");

    private static PairRouteText Text(DateOnly? end = null) =>
        MentoringRouteItems.Text(Guid.NewGuid(), MentoringForm.ExperiencedYoung, "112-од", new DateOnly(2026, 8, 29), end, Mentor, [Mentee]);

    private static DevelopmentRoute Route(RouteStatus status, params RouteItem[] items)
    {
        var route = new DevelopmentRoute { PersonId = Mentee.Id, Status = status, StartsOn = Start, EndsOn = End };
        foreach (var item in items)
        {
            item.RouteId = route.Id;
            route.Items.Add(item);
        }
        return route;
    }

    private static RouteItem Drafted() => new()
    {
        Section = RouteSection.Mentoring, SortOrder = 7, Title = MentoringRouteItems.MenteeTitle, Details = "Наставник — Петрова И.И. (МБОУ СШ № 1); адаптация",
        Reason = "Молодой педагог: первые три года работы",
    };

    [Fact]
    public void TextsNameTheMentorTheMenteeTheFormAndTheOrder()
    {
        var text = Text();

        text.MenteeDetails.Should().Be("Наставник — Смирнова Е.В. (МБОУ СШ № 1); форма «опытный педагог — молодой специалист»; приказ № 112-од от 29.08.2026");
        text.MentorDetails.Should().Be("Наставляемый — Новикова А.С. (учитель, МБОУ СШ № 1); форма «опытный педагог — молодой специалист»; приказ № 112-од от 29.08.2026");
    }

    [Fact]
    public void TheDraftedItemIsReusedForTheRealMentor()
    {
        var drafted = Drafted();
        var route = Route(RouteStatus.Draft, drafted);
        var text = Text(new DateOnly(2027, 4, 30));

        MentoringRouteItems.LinkMentee(route, text).Should().BeNull();

        route.Items.Should().ContainSingle();
        drafted.MentoringPairId.Should().Be(text.PairId);
        drafted.Details.Should().Be(text.MenteeDetails);
        drafted.Deadline.Should().Be(new DateOnly(2027, 4, 30));
        drafted.Reason.Should().Be("Молодой педагог: первые три года работы");
    }

    [Fact]
    public void ARouteWithoutMentoringGetsANewItemEndingWithTheRouteWhenThePairOutlastsIt()
    {
        var route = Route(RouteStatus.InProgress, new RouteItem { Section = RouteSection.Courses, SortOrder = 1, Title = "Курс" });
        var text = Text(new DateOnly(2028, 5, 31));

        var added = MentoringRouteItems.LinkMentee(route, text);

        added.Should().NotBeNull();
        route.Items.Should().Contain(added!);
        added!.Section.Should().Be(RouteSection.Mentoring);
        added.Title.Should().Be("Работа с наставником");
        added.Deadline.Should().Be(End);
        added.PersonId.Should().Be(Mentee.Id);
        added.SortOrder.Should().Be(1);
        MentoringRouteItems.LinkMentee(route, text).Should().BeNull("linking the same pair again only updates its item");
        route.Items.Count(i => i.Section == RouteSection.Mentoring).Should().Be(1);
    }

    [Fact]
    public void TheMentorsRouteGetsWorkAsAMentor()
    {
        var route = Route(RouteStatus.Approved);
        var added = MentoringRouteItems.LinkMentor(route, Text());

        added!.Title.Should().Be("Работа в качестве наставника");
        added.Details.Should().StartWith("Наставляемый — Новикова А.С.");
    }

    [Fact]
    public void CompletingThePairMarksItsItemsDoneWithTheOrderAndTheMark()
    {
        var text = Text();
        var route = Route(RouteStatus.InProgress);
        MentoringRouteItems.LinkMentee(route, text);
        var pair = new MentoringPair { Id = text.PairId, OrderNumber = "112-од", OrderDate = new DateOnly(2026, 8, 29), ClosedOn = new DateOnly(2027, 5, 20), EvaluationScore = 5 };

        MentoringRouteItems.Complete(route, pair).Should().Be(1);

        var item = route.Items.Single();
        item.IsDone.Should().BeTrue();
        item.DoneOn.Should().Be(new DateOnly(2027, 5, 20));
        item.Evidence.Should().Be("Приказ № 112-од от 29.08.2026; наставничество завершено 20.05.2027, итоговая оценка 5 из 5");
    }

    [Fact]
    public void CancellingTakesTheItemOutOfADraftAndNotesTheStopInAnAgreedRoute()
    {
        var text = Text();
        var draft = Route(RouteStatus.Draft);
        MentoringRouteItems.LinkMentee(draft, text);
        var agreed = Route(RouteStatus.Approved);
        MentoringRouteItems.LinkMentee(agreed, text);

        MentoringRouteItems.Cancel(draft, text.PairId, new DateOnly(2026, 11, 20)).Should().ContainSingle();
        MentoringRouteItems.Cancel(agreed, text.PairId, new DateOnly(2026, 11, 20)).Should().BeEmpty();

        draft.Items.Should().BeEmpty();
        agreed.Items.Single().Details.Should().EndWith("; наставничество прекращено 20.11.2026");
    }

    [Fact]
    public void TheDrafterNamesTheMentorOfARunningPairRatherThanAColleagueTheRegistryOffers()
    {
        var pairId = Guid.NewGuid();
        var registry = new PairingRegistry
        {
            Offered = new Colleague(Guid.NewGuid(), "Петрова И.И.", "МБОУ СШ № 1"),
            Mentee = new DraftPairing(pairId, "Наставник — Смирнова Е.В. (МБОУ СШ № 1); форма «опытный педагог — молодой специалист»", new DateOnly(2027, 4, 30)),
        };
        var teacher = new DraftTeacher(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IsYoung: true, IsAssetEligible: false);

        var item = RouteDrafter.Draft(teacher, null, [], registry, Start, End).Should().ContainSingle().Subject;

        item.Section.Should().Be(RouteSection.Mentoring);
        item.Title.Should().Be("Работа с наставником");
        item.Details.Should().StartWith("Наставник — Смирнова Е.В.");
        item.MentoringPairId.Should().Be(pairId);
        item.Deadline.Should().Be(new DateOnly(2027, 4, 30));
        RouteDrafts.Build(teacher, new RouteHeader(null, null, null, null, null, null), null, [item], Start, End, "test")
            .Items.Single().MentoringPairId.Should().Be(pairId);
    }

    [Fact]
    public void TheDrafterGivesAMentorAnItemForEachPairTheyLead()
    {
        var registry = new PairingRegistry
        {
            Led = [new DraftPairing(Guid.NewGuid(), "Наставляемый — Новикова А.С.", null), new DraftPairing(Guid.NewGuid(), "Наставляемые: Орлова Е.П.; Ткач Д.А.", null)],
        };
        var teacher = new DraftTeacher(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IsYoung: false, IsAssetEligible: true);

        var items = RouteDrafter.Draft(teacher, null, [], registry, Start, End);

        items.Should().HaveCount(2).And.OnlyContain(i => i.Title == "Работа в качестве наставника" && i.MentoringPairId != null && i.Deadline == End);
    }

    private sealed class PairingRegistry : IDraftRegistry
    {
        public Colleague? Offered { get; init; }
        public DraftPairing? Mentee { get; init; }
        public IReadOnlyList<DraftPairing> Led { get; init; } = [];

        public Colleague? LessonsToVisit(DraftTeacher teacher) => null;

        public Colleague? PossibleMentor(DraftTeacher teacher) => Offered;

        public Colleague? YoungColleague(DraftTeacher teacher) => Offered;

        public bool HasTaken(Guid personId, Guid courseId) => false;

        public DraftPairing? MenteePairing(DraftTeacher teacher) => Mentee;

        public IReadOnlyList<DraftPairing> MentorPairings(DraftTeacher teacher) => Led;
    }
}
