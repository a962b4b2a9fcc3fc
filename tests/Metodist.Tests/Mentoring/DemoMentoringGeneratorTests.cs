using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Mentoring;

/// <summary>The demo's pairs worked out in memory on any day of the year: the same each time, nothing after today, the demo accounts paired.</summary>
[Trait("Category", "Unit")]
public sealed class DemoMentoringGeneratorTests
{
    private static (DemoStaff Staff, DemoMentoringData Data) Generate(DateOnly today)
    {
        var staff = new DemoStaff(DemoRegion.Generate(DemoRegion.MinTeachers, today), withAccounts: true);
        return (staff, DemoMentoring.Generate(staff, [], today, TimeZoneInfo.Utc));
    }

    [Fact]
    public void TheSameSizeAndDateGiveTheSamePairs()
    {
        var today = new DateOnly(2026, 11, 22);

        var first = Generate(today).Data.Pairs;
        var second = Generate(today).Data.Pairs;

        second.Select(p => (p.Id, p.MentorPersonId, p.Status, p.StartDate, p.Mentees.Count, p.Meetings.Count, p.PlanItems.Count))
            .Should().Equal(first.Select(p => (p.Id, p.MentorPersonId, p.Status, p.StartDate, p.Mentees.Count, p.Meetings.Count, p.PlanItems.Count)));
    }

    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2026-11-22")]
    [InlineData("2027-03-15")]
    [InlineData("2027-07-10")]
    public void NothingHappensAfterTodayAndTheDemoAccountsArePairedOnAnyDay(string date)
    {
        var today = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var (staff, data) = Generate(today);

        var pairs = data.Pairs;
        pairs.Should().Contain(p => p.Status == MentoringStatus.Active && p.MentorPersonId == staff.Data.Cast.Mentor.Id
            && p.Mentees.Any(m => m.PersonId == staff.Data.Cast.YoungTeacher.Id));
        pairs.Should().OnlyContain(p => p.OrderDate <= p.StartDate && p.StartDate <= today && p.CreatedAt <= today.ToDateTime(TimeOnly.MinValue));
        pairs.Where(p => p.Status == MentoringStatus.Active).Should().OnlyContain(p => p.EndDate >= today && p.ClosedOn == null);
        pairs.Where(p => p.Status != MentoringStatus.Active).Should().OnlyContain(p => p.ClosedOn < today && p.ClosedOn >= p.StartDate);
        pairs.SelectMany(p => p.Meetings).Should().OnlyContain(m => m.Date < today);
        pairs.SelectMany(p => p.PlanItems).Should().OnlyContain(i => !i.IsDone || i.DoneOn < today);
        var young = staff.Data.Persons.Where(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, today)).Select(p => p.Id).ToHashSet();
        pairs.Where(p => p.Status == MentoringStatus.Active).SelectMany(p => p.Mentees).Should().OnlyContain(m => young.Contains(m.PersonId));
    }
}
