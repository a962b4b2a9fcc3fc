using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Imports;

namespace Metodist.Tests.Imports;

[Trait("Category", "Unit")]
public sealed class ImportTextTests
{
    [Theory]
    [InlineData("ФИО", "фио")]
    [InlineData("Ф.И.О.", "фио")]
    [InlineData("  ф. и. о. ", "фио")]
    [InlineData("Дата приёма на работу", "датаприеманаработу")]
    [InlineData("Стаж (лет)", "стажлет")]
    public void HeadingsAreFoldedToLowerCaseLettersAndDigitsWithYoAsYe(string heading, string key) =>
        ImportText.Key(heading).Should().Be(key);

    [Fact]
    public void LatinLettersThatLookCyrillicDoNotBreakAHeading() =>
        ImportText.Key("CНИЛС").Should().Be(ImportText.Key("СНИЛС"), "the first letter is a Latin C");

    [Theory]
    [InlineData("ФИО", TeacherField.FullName)]
    [InlineData("Фамилия, имя, отчество", TeacherField.FullName)]
    [InlineData("E-mail", TeacherField.Email)]
    [InlineData("Эл. почта", TeacherField.Email)]
    [InlineData("ОО", TeacherField.Organization)]
    [InlineData("Место работы", TeacherField.Organization)]
    [InlineData("ИНН ОО", TeacherField.OrganizationInn)]
    [InlineData("Муниципальное образование", TeacherField.Municipality)]
    [InlineData("Преподаваемые предметы", TeacherField.Subjects)]
    [InlineData("Категория", TeacherField.Category)]
    [InlineData("Дата аттестации", TeacherField.CategoryAssignedOn)]
    [InlineData("Срок аттестации", TeacherField.NextAttestationDue)]
    [InlineData("Педагогический стаж с", TeacherField.WorkStart)]
    [InlineData("Стаж (лет)", TeacherField.ExperienceYears)]
    [InlineData("Уровень образование", TeacherField.Education)]
    [InlineData("Вид занятости", TeacherField.IsMain)]
    [InlineData("Дата приёма на работу", TeacherField.EmploymentStart)]
    public void TeacherHeadingsPeopleUseAreRecognised(string heading, TeacherField field)
    {
        var map = ColumnMap<TeacherField>.Build(["Столбец, которого нет", heading], ImportColumns.Teachers);
        map.Has(field).Should().BeTrue();
        map.Heading(field).Should().Be(heading);
        map.Unknown.Should().Equal("Столбец, которого нет");
    }

    [Theory]
    [InlineData("Сокращённое наименование", OrganizationField.ShortName)]
    [InlineData("Вид организации", OrganizationField.Kind)]
    [InlineData("Наименование", OrganizationField.FullName)]
    public void OrganizationHeadingsPeopleUseAreRecognised(string heading, OrganizationField field) =>
        ColumnMap<OrganizationField>.Build([heading], ImportColumns.Organizations).Has(field).Should().BeTrue();

    [Fact]
    public void ASecondColumnForTheSameFieldIsSkippedAndReported()
    {
        var map = ColumnMap<TeacherField>.Build(["Email", "Электронная почта"], ImportColumns.Teachers);
        map.Heading(TeacherField.Email).Should().Be("Email");
        map.Notice().Should().Contain("«Электронная почта» повторяет столбец «Email»");
    }

    [Theory]
    [InlineData("14.03.1985", 1985, 3, 14)]
    [InlineData("4.3.1985", 1985, 3, 4)]
    [InlineData("1985-03-14", 1985, 3, 14)]
    [InlineData("14/03/1985", 1985, 3, 14)]
    [InlineData(" 14.03.1985 0:00:00 ", 1985, 3, 14)]
    [InlineData("31120", 1985, 3, 14)]
    [InlineData("31120,0", 1985, 3, 14)]
    public void DatesAreReadInRussianFormsAndAsExcelSerials(string text, int year, int month, int day)
    {
        ImportText.TryParseDate(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("31.02.1985")]
    [InlineData("14.03.85")]
    [InlineData("весна 1985")]
    [InlineData("99999999")]
    public void WhatIsNotADateIsRejected(string text) => ImportText.TryParseDate(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("высшая", QualificationCategory.Highest)]
    [InlineData("Высшая квалификационная категория", QualificationCategory.Highest)]
    [InlineData("первая", QualificationCategory.First)]
    [InlineData("1", QualificationCategory.First)]
    [InlineData("соответствие", QualificationCategory.Conformity)]
    [InlineData("Соответствие занимаемой должности", QualificationCategory.Conformity)]
    [InlineData("СЗД", QualificationCategory.Conformity)]
    [InlineData("без категории", QualificationCategory.None)]
    [InlineData("нет", QualificationCategory.None)]
    [InlineData("педагог-методист", QualificationCategory.TeacherMethodist)]
    [InlineData("Педагог - наставник", QualificationCategory.TeacherMentor)]
    public void CategoriesAreReadFromTheWordsPeopleUse(string text, QualificationCategory category) =>
        TeacherValues.ParseCategory(text).Should().Be(category);

    [Fact]
    public void AnUnknownCategoryIsNotGuessed() => TeacherValues.ParseCategory("вторая").Should().BeNull();

    [Theory]
    [InlineData("да", true)]
    [InlineData("основное", true)]
    [InlineData("Основное место работы", true)]
    [InlineData("нет", false)]
    [InlineData("внешнее совместительство", false)]
    [InlineData("совместитель", false)]
    public void TheMainPlaceOfWorkIsReadFromYesNoOrItsKind(string text, bool main) => TeacherValues.ParseIsMain(text).Should().Be(main);

    [Theory]
    [InlineData("да", false)]
    [InlineData("нет", true)]
    [InlineData("внешнее совместительство", false)]
    public void APartTimeColumnMeansTheOpposite(string text, bool main) => TeacherValues.ParsePartTimeAsMain(text).Should().Be(main);

    [Fact]
    public void EducationKeepsTheLevelAndTheTextWhenTheTextSaysMore()
    {
        TeacherValues.ParseEducation("Высшее педагогическое").Should().Be((EducationLevel.HigherPedagogical, (string?)null));
        TeacherValues.ParseEducation("СПО").Should().Be((EducationLevel.SecondaryVocational, (string?)null));
        TeacherValues.ParseEducation("Высшее, ЛГПУ им. Герцена, 2008").Should().Be((EducationLevel.Higher, (string?)"Высшее, ЛГПУ им. Герцена, 2008"));
        TeacherValues.ParseEducation("Курсы переподготовки").Should().Be(((EducationLevel?)null, (string?)"Курсы переподготовки"));
    }

    [Theory]
    [InlineData(12, "2026-11-20", "2014-09-01")]
    [InlineData(12, "2026-03-01", "2013-09-01")]
    [InlineData(0, "2026-03-01", "2025-09-01")]
    public void YearsOfExperienceStartOnTheFirstOfSeptemberThatGivesExactlyThoseYears(int years, string today, string start)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        TeacherValues.WorkStartFromYears(years, day).Should().Be(expected);
        TeacherRules.ExperienceYears(expected, day).Should().Be(years);
    }

    [Theory]
    [InlineData("детский сад", OrganizationKind.Kindergarten)]
    [InlineData("ДОУ", OrganizationKind.Kindergarten)]
    [InlineData("ЦДО", OrganizationKind.AdditionalEducation)]
    [InlineData("доп. образование", OrganizationKind.AdditionalEducation)]
    [InlineData("техникум", OrganizationKind.College)]
    [InlineData("методическая служба", OrganizationKind.MunicipalService)]
    [InlineData("ЦНППМ", OrganizationKind.RegionalCentre)]
    [InlineData("Школа", OrganizationKind.School)]
    [InlineData("другое", OrganizationKind.Other)]
    public void OrganizationKindsAreReadFromTheWordsPeopleUse(string text, OrganizationKind kind) =>
        OrganizationValues.ParseKind(text).Should().Be(kind);

    [Theory]
    [InlineData("МБДОУ «Детский сад № 5 „Ромашка“»", OrganizationKind.Kindergarten)]
    [InlineData("МБОУ СОШ № 12", OrganizationKind.School)]
    [InlineData("МБУ ДО «Дом детского творчества»", OrganizationKind.AdditionalEducation)]
    [InlineData("ГБПОУ «Северский педагогический колледж»", OrganizationKind.College)]
    public void TheKindIsGuessedFromTheNameWhenNotGiven(string name, OrganizationKind kind) =>
        OrganizationValues.InferKind(name).Should().Be(kind);

    [Fact]
    public void CapitalisedNamesGetTheirUsualCase()
    {
        TeacherRowReader.NameCase("ИВАНОВА").Should().Be("Иванова");
        TeacherRowReader.NameCase("сидорова-петрова").Should().Be("Сидорова-Петрова");
        TeacherRowReader.NameCase("ван Дейк").Should().Be("ван Дейк");
    }

    [Fact]
    public void TheClosestPositionsAreSuggestedForAMisspeltOne()
    {
        string[] positions = ["Учитель", "Учитель-логопед", "Воспитатель", "Методист"];
        ImportText.Closest("Учитель математики", positions).Should().StartWith("Учитель");
        ImportText.Closest("Воспитатал", positions).Should().Equal("Воспитатель");
        ImportText.Closest("Водитель автобуса", positions).Should().BeEmpty();
    }
}
