using Metodist.Web.Features.Asset;

namespace Metodist.Tests.Asset;

[Trait("Category", "Unit")]
public sealed class AssetDistributionTests
{
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();

    private static DistributionMethodist Methodist(string name, int assigned, int norm, params Guid[] municipalities) =>
        new(Guid.NewGuid(), name, assigned, norm, municipalities.ToHashSet());

    private static List<DistributionTeacher> Teachers(int count, Guid municipality) =>
        Enumerable.Range(0, count).Select(_ => new DistributionTeacher(Guid.NewGuid(), municipality)).ToList();

    [Fact]
    public void AMethodistAboveTheNormIsOverloadedAndWarnedAboutWithTheExcess()
    {
        AssetLoad.IsOverloaded(60, 60).Should().BeFalse();
        AssetLoad.IsOverloaded(61, 60).Should().BeTrue();
        AssetLoad.Warning("Иванова Анна Петровна", 60, 60).Should().BeNull();
        AssetLoad.Warning("Иванова Анна Петровна", 64, 60).Should().Be("Иванова Анна Петровна: 64 педагога при норме 60 — перегрузка на 4.");
    }

    [Fact]
    public void AMethodistsOwnNormReplacesTheRegionsNorm()
    {
        AssetLoad.NormOf(null, 60).Should().Be(60);
        AssetLoad.NormOf(40, 60).Should().Be(40);
    }

    [Fact]
    public void TheLoadBarTurnsOrangeNearTheNormAndRedAboveIt()
    {
        AssetLoad.BarClass(30, 60).Should().Be("bar none");
        AssetLoad.BarClass(55, 60).Should().Be("bar partial");
        AssetLoad.BarClass(61, 60).Should().Be("bar pronounced");
        AssetLoad.Percent(45, 60).Should().Be(75);
    }

    [Fact]
    public void TeachersGoToTheLeastLoadedMethodistFirstUntilTheLoadsEvenOut()
    {
        var busy = Methodist("Белова", 50, 60, North);
        var free = Methodist("Андреева", 40, 60, North);

        var plan = AssetDistribution.Plan([busy, free], Teachers(10, North), upToNorm: false);

        plan.Assignments.Take(10).Should().OnlyContain(a => a.MethodistId == free.Id);
        plan.LoadAfter[free.Id].Should().Be(50);
        plan.LoadAfter[busy.Id].Should().Be(50);
        plan.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void LoadIsComparedAsAShareOfEachMethodistsNorm()
    {
        var small = Methodist("Андреева", 10, 20, North);
        var large = Methodist("Белова", 30, 60, North);

        var plan = AssetDistribution.Plan([small, large], Teachers(9, North), upToNorm: false);

        plan.LoadAfter[small.Id].Should().Be(13);
        plan.LoadAfter[large.Id].Should().Be(36);
    }

    [Fact]
    public void NoMethodistGoesAboveTheNormWhileAnotherHasRoom()
    {
        var almostFull = Methodist("Андреева", 58, 60, North);
        var roomy = Methodist("Белова", 10, 60, North);

        var plan = AssetDistribution.Plan([almostFull, roomy], Teachers(52, North), upToNorm: false);

        plan.LoadAfter[almostFull.Id].Should().Be(60);
        plan.LoadAfter[roomy.Id].Should().Be(60);
        plan.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void WhenEveryoneIsFullTheRestGoAboveTheNormWithAWarning()
    {
        var first = Methodist("Андреева", 59, 60, North);
        var second = Methodist("Белова", 60, 60, North);

        var plan = AssetDistribution.Plan([first, second], Teachers(5, North), upToNorm: false);

        plan.Assignments.Should().HaveCount(5);
        plan.LoadAfter[first.Id].Should().Be(62);
        plan.LoadAfter[second.Id].Should().Be(62);
        plan.Warnings.Should().HaveCount(2).And.Contain(w => w.StartsWith("Андреева: 62 педагога при норме 60", StringComparison.Ordinal));
    }

    [Fact]
    public void UpToNormLeavesTheRestUnassignedAndSaysSo()
    {
        var only = Methodist("Андреева", 58, 60, North);

        var plan = AssetDistribution.Plan([only], Teachers(5, North), upToNorm: true);

        plan.Assignments.Should().HaveCount(2);
        plan.LeftOver.Should().HaveCount(3);
        plan.LoadAfter[only.Id].Should().Be(60);
        plan.Warnings.Should().ContainSingle().Which.Should().StartWith("3 педагога остались без методиста");
    }

    [Fact]
    public void TeachersGoOnlyToMethodistsWhoServeTheirMunicipality()
    {
        var northern = Methodist("Андреева", 0, 60, North);
        var both = Methodist("Белова", 0, 60, North, South);
        var elsewhere = new DistributionTeacher(Guid.NewGuid(), Guid.NewGuid());
        var southern = Teachers(4, South);

        var plan = AssetDistribution.Plan([northern, both], [elsewhere, .. southern, .. Teachers(4, North)], upToNorm: false);

        plan.Assignments.Where(a => southern.Any(t => t.Id == a.TeacherId)).Should().OnlyContain(a => a.MethodistId == both.Id);
        plan.LoadAfter[northern.Id].Should().Be(4);
        plan.Uncovered.Should().Equal(elsewhere.Id);
        plan.Warnings.Should().ContainSingle().Which.Should().Contain("нет действующего методиста");
    }
}
