using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Routes;

namespace Metodist.Tests.Demo;

[Trait("Category", "Unit")]
public sealed class DemoSupportGeneratorTests
{
    private static DemoSupportData Generate(DateOnly today)
    {
        var region = DemoRegion.Generate(DemoRegion.MinTeachers, today);
        return DemoSupport.Generate(new DemoStaff(region, withAccounts: true), today, TimeZoneInfo.Utc);
    }

    [Fact]
    public void TheSameSizeAndDateGiveTheSameDiagnosticsCoursesAndRoutes()
    {
        var today = new DateOnly(2026, 11, 22);

        var first = Generate(today);
        var second = Generate(today);

        second.Results.Select(r => (r.Id, r.PersonId, r.TakenOn, r.Score)).Should().Equal(first.Results.Select(r => (r.Id, r.PersonId, r.TakenOn, r.Score)));
        second.Routes.Select(p => (p.Person.Id, p.Status, p.DraftedOn, p.Tutor?.Id)).Should().Equal(first.Routes.Select(p => (p.Person.Id, p.Status, p.DraftedOn, p.Tutor?.Id)));
        second.Enrolments.All.Select(e => (e.Id, e.CertificateNumber)).Should().Equal(first.Enrolments.All.Select(e => (e.Id, e.CertificateNumber)));
        second.Courses.Select(c => c.Id).Should().Equal(first.Courses.Select(c => c.Id));
    }

    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2026-11-22")]
    [InlineData("2027-03-15")]
    [InlineData("2027-07-10")]
    public void EverythingHappensBeforeTodayAndCampaignsKeepTheirStatesOnAnyDay(string date)
    {
        var today = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var support = Generate(today);

        support.Finished.Deadline.Should().BeBefore(today);
        support.Overdue.Deadline.Should().BeBefore(today);
        support.Current.StartsOn.Should().BeOnOrBefore(today);
        support.Current.Deadline.Should().BeOnOrAfter(today);
        support.Planned.StartsOn.Should().BeAfter(today);
        support.Results.Should().OnlyContain(r => r.TakenOn < today && r.Areas.Count == 7);
        support.Routes.Should().OnlyContain(p => p.DraftedOn < today && p.Basis.TakenOn <= p.DraftedOn && p.Basis.PersonId == p.Person.Id);
        support.Routes.Select(p => p.Status).Should().Contain([RouteStatus.Draft, RouteStatus.Submitted, RouteStatus.InProgress, RouteStatus.Completed]);
        support.Enrolments.All.Should().OnlyContain(e => DateOnly.FromDateTime(e.EnrolledAt) < today);
    }
}
