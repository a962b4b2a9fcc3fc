using Metodist.Web.Infrastructure.Text;

namespace Metodist.Tests.Platform;

[Trait("Category", "Unit")]
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Семёнова Алёна", "семенова алена")]
    [InlineData("СЕМЁНОВА", "семенова")]
    [InlineData("  Иванов \t Иван\u00a0 Иванович  ", "иванов иван иванович")]
    [InlineData("Ёлкин", "елкин")]
    [InlineData("O'Neil-Смит", "o'neil-смит")]
    public void NormalizeLowersFoldsYoAndCollapsesSpaces(string value, string expected) =>
        SearchText.Normalize(value).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void BlankTextNormalizesToEmpty(string? value) => SearchText.Normalize(value).Should().BeEmpty();

    [Fact]
    public void TermsAreTheFoldedWords() =>
        SearchText.Terms("  Семёнова   АННА ").Should().Equal("семенова", "анна");

    [Fact]
    public void BlankQueryHasNoTerms() => SearchText.Terms("   ").Should().BeEmpty();

    [Fact]
    public void ContainsPatternEscapesLikeWildcards() =>
        SearchText.ContainsPattern(@"50%_a\b").Should().Be(@"%50\%\_a\\b%");
}
