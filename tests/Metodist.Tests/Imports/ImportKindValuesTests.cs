using Metodist.Web.Features.Courses;
using Metodist.Web.Infrastructure.Imports;

namespace Metodist.Tests.Imports;

[Trait("Category", "Unit")]
public sealed class ImportKindValuesTests
{
    [Theory]
    [InlineData("повышение квалификации", CourseKind.Advanced)]
    [InlineData("ДПП ПК", CourseKind.Advanced)]
    [InlineData("Профессиональная переподготовка", CourseKind.Retraining)]
    [InlineData("ПП", CourseKind.Retraining)]
    [InlineData("стажировка", CourseKind.Internship)]
    public void CourseKindsAreReadFromTheWordsPeopleUse(string text, CourseKind kind) => CourseValues.ParseKind(text).Should().Be(kind);

    [Theory]
    [InlineData("очно", CourseForm.InPerson)]
    [InlineData("Очная", CourseForm.InPerson)]
    [InlineData("очно-заочно", CourseForm.Blended)]
    [InlineData("дистанционно", CourseForm.Distance)]
    [InlineData("заочно с применением ДОТ", CourseForm.Distance)]
    [InlineData("Заочная с применением ДОТ", CourseForm.Distance)]
    public void CourseFormsAreReadFromTheWordsPeopleUse(string text, CourseForm form) => CourseValues.ParseForm(text).Should().Be(form);

    [Fact]
    public void UnknownKindsAndFormsAreNotGuessed()
    {
        CourseValues.ParseKind("семинар").Should().BeNull();
        CourseValues.ParseForm("вечерняя").Should().BeNull();
    }

    [Theory]
    [InlineData("да", true)]
    [InlineData("+", true)]
    [InlineData("ФР", true)]
    [InlineData("нет", false)]
    [InlineData("-", false)]
    [InlineData("может быть", null)]
    public void TheFederalRegistryMarkIsReadAsYesOrNo(string text, bool? expected) => CourseValues.ParseFederalRegistry(text).Should().Be(expected);

    [Theory]
    [InlineData("72", 72)]
    [InlineData("72 ч", 72)]
    [InlineData("72 ч.", 72)]
    [InlineData("144 часа", 144)]
    [InlineData("много", null)]
    [InlineData("72,5", null)]
    [InlineData("", null)]
    public void HoursAndPlacesAreWholeNumbersWithAnOptionalUnit(string text, int? expected) => CourseValues.ParseCount(text).Should().Be(expected);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("85,0", 85)]
    [InlineData("85.0", 85)]
    [InlineData("85 %", 85)]
    public void AScoreIsAWholeNumberFromZeroToAHundred(string text, int expected)
    {
        ResultRowReader.TryParseScore(text, out var score).Should().BeTrue();
        score.Should().Be(expected);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-5")]
    [InlineData("7,5")]
    [InlineData("abc")]
    public void AScoreOutsideZeroToAHundredOrWithAFractionIsRefused(string text) => ResultRowReader.TryParseScore(text, out _).Should().BeFalse();

    [Fact]
    public void EveryKindHasItsApiNameAndOnlyTheCatalogueIsForTheRegionAdministratorAlone()
    {
        ImportKinds.All.Select(k => k.Kind).Should().BeEquivalentTo(Enum.GetValues<ImportKind>());
        ImportKinds.Find("diagnostic-results")!.Kind.Should().Be(ImportKind.DiagnosticResults);
        ImportKinds.Find("Courses")!.Kind.Should().Be(ImportKind.Courses);
        ImportKinds.All.Where(k => k.RegionAdminOnly).Select(k => k.Kind).Should().Equal(ImportKind.Courses);
    }
}
