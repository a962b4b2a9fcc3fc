using Metodist.Web.Infrastructure.Web;

namespace Metodist.Tests.Platform;

[Trait("Category", "Unit")]
public sealed class FormatTests
{
    [Theory]
    [InlineData(0, "педагогов")]
    [InlineData(1, "педагог")]
    [InlineData(2, "педагога")]
    [InlineData(4, "педагога")]
    [InlineData(5, "педагогов")]
    [InlineData(11, "педагогов")]
    [InlineData(12, "педагогов")]
    [InlineData(14, "педагогов")]
    [InlineData(21, "педагог")]
    [InlineData(22, "педагога")]
    [InlineData(101, "педагог")]
    [InlineData(111, "педагогов")]
    [InlineData(1001, "педагог")]
    public void PluralPicksTheRussianForm(int n, string expected) =>
        Format.Plural(n, "педагог", "педагога", "педагогов").Should().Be(expected);

    [Fact]
    public void CountGroupsThousandsTheRussianWay() =>
        Format.Count(12345, "педагог", "педагога", "педагогов").Should().Be("12\u00a0345 педагогов");

    [Fact]
    public void DatesAreDayMonthYear()
    {
        Format.Date(new DateOnly(2026, 3, 7)).Should().Be("07.03.2026");
        Format.Date((DateOnly?)null).Should().Be("—");
    }

    [Fact]
    public void YearsUseTheRightWord()
    {
        Format.Years(1).Should().Be("1 год");
        Format.Years(3).Should().Be("3 года");
        Format.Years(25).Should().Be("25 лет");
        Format.Years(null).Should().Be("—");
    }
}
