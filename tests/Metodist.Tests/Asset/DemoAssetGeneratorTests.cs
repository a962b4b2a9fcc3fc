using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Demo;

namespace Metodist.Tests.Asset;

[Trait("Category", "Unit")]
public sealed class DemoAssetGeneratorTests
{
    private static (DemoAssetData Asset, DemoStaff Staff) Generate(DateOnly today, int teachers = DemoRegion.MinTeachers)
    {
        var region = DemoRegion.Generate(teachers, today);
        var staff = new DemoStaff(region, withAccounts: true);
        var support = DemoSupport.Generate(staff, today, TimeZoneInfo.Utc);
        return (DemoAsset.Generate(staff, support, [], today, TimeZoneInfo.Utc), staff);
    }

    [Fact]
    public void TheSameSizeAndDateGiveTheSameAsset()
    {
        var today = new DateOnly(2026, 11, 22);

        var first = Generate(today).Asset;
        var second = Generate(today).Asset;

        second.Methodists.Select(m => (m.Id, m.PersonId, m.Status)).Should().Equal(first.Methodists.Select(m => (m.Id, m.PersonId, m.Status)));
        second.Assignments.Select(a => (a.Id, a.MethodistId, a.PersonId)).Should().Equal(first.Assignments.Select(a => (a.Id, a.MethodistId, a.PersonId)));
    }

    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2026-11-22")]
    [InlineData("2027-03-15")]
    [InlineData("2027-07-10")]
    public void EveryMemberIsOnePersonWhoseWayHappenedBeforeTodayInOrder(string date)
    {
        var today = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var (asset, _) = Generate(today);

        asset.Methodists.Select(m => m.PersonId).Should().OnlyHaveUniqueItems();
        asset.Assignments.Select(a => a.PersonId).Should().OnlyHaveUniqueItems();
        asset.Methodists.SelectMany(m => m.History).Should().OnlyContain(h => DateOnly.FromDateTime(h.At) < today);
        asset.Courses.Should().OnlyContain(c => c.EndsOn < today);
        foreach (var m in asset.Methodists)
        {
            m.History.Select(h => h.At).Should().BeInAscendingOrder();
            m.History.Last().To.Should().Be(m.Status);
            if (m.AssessedOn is { } assessed) assessed.Should().BeBefore(today);
            if (m.TrainedOn is { } trained) trained.Should().BeAfter(m.AssessedOn!.Value);
            if (m.ActiveSince is { } since) since.Should().BeAfter(m.TrainedOn!.Value).And.BeBefore(today);
        }
        asset.Assignments.Should().OnlyContain(a => a.AssignedOn < today);
    }
}
