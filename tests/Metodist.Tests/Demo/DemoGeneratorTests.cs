using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Demo;

[Trait("Category", "Unit")]
public sealed class DemoGeneratorTests
{
    private static readonly DateOnly ReferenceDate = new(2026, 9, 1);

    [Fact]
    public void TheSameSizeAndDateGiveTheSameRegion()
    {
        var first = DemoRegion.Generate(DemoRegion.DefaultTeachers, ReferenceDate);
        var second = DemoRegion.Generate(DemoRegion.DefaultTeachers, ReferenceDate);

        second.Persons.Select(p => p.FirstName).Should().Equal(first.Persons.Select(p => p.FirstName));
        second.Persons.Select(p => p.Id).Should().Equal(first.Persons.Select(p => p.Id));
        second.Organizations.Select(o => o.ShortName).Should().Equal(first.Organizations.Select(o => o.ShortName));
        second.Persons.GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Count())
            .Should().Equal(first.Persons.GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Count()));
        second.Cast.YoungTeacher.Id.Should().Be(first.Cast.YoungTeacher.Id);
    }

    [Fact]
    public void ALargerRegionGetsProportionallyMoreOrganizations()
    {
        var region = DemoRegion.Generate(30_000, ReferenceDate);

        region.Persons.Should().HaveCount(30_000);
        region.Municipalities.Should().HaveCount(25);
        region.Organizations.Count.Should().BeInRange(900, 1300);
        region.Organizations.Select(o => o.ShortName).Should().OnlyHaveUniqueItems();
        var young = region.Persons.Count(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, ReferenceDate));
        ((double)young / region.Persons.Count).Should().BeInRange(0.20, 0.25);
    }

    [Fact]
    public void TheSmallestRegionStillHasEveryDemoPerson()
    {
        var region = DemoRegion.Generate(DemoRegion.MinTeachers, ReferenceDate);

        region.Persons.Should().HaveCount(DemoRegion.MinTeachers);
        var cast = region.Cast;
        new[] { cast.MunicipalMethodist, cast.SchoolMethodist, cast.AssociationLead, cast.Tutor, cast.Mentor, cast.YoungTeacher }
            .Select(p => p.Id).Should().OnlyHaveUniqueItems();
        TeacherRules.IsYoungTeacher(cast.YoungTeacher.BirthDate, cast.YoungTeacher.PedagogicalWorkStart, ReferenceDate).Should().BeTrue();
        TeacherRules.IsEligibleForAsset(cast.Tutor.Category, cast.Tutor.PedagogicalWorkStart, ReferenceDate).Should().BeTrue();
        cast.YoungTeacher.Employments[0].OrganizationId.Should().Be(cast.School.Id);
    }

    [Fact]
    public void TooSmallARegionIsRefused()
    {
        var generate = () => DemoRegion.Generate(DemoRegion.MinTeachers - 1, ReferenceDate);

        generate.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void OrganizationNamesFollowRussianConventions()
    {
        var region = DemoRegion.Generate(DemoRegion.DefaultTeachers, ReferenceDate);
        var names = region.Organizations.Select(o => o.ShortName).ToList();

        names.Should().Contain("ГАОУ ДПО «АО ИОО» (ЦНППМ)");
        names.Should().Contain("МБОУ Гимназия № 6 г. Архангельска");
        names.Should().Contain(n => n.StartsWith("МБОУ СШ № ") && n.EndsWith(" г. Северодвинска"));
        names.Should().Contain(n => n.StartsWith("МБОУ «Емецкая "));
        names.Should().Contain(n => n.StartsWith("МБДОУ Детский сад № ") && n.Contains('«'));
        names.Should().Contain("МБУ «ИМЦ» г. Котласа");
        names.Should().Contain("Методический кабинет УО Вельского района");
        region.Organizations.Should().Contain(o => o.ShortName == "ГАПОУ АО «АПК»"
            && o.FullName == "Государственное автономное профессиональное образовательное учреждение Архангельской области «Архангельский педагогический колледж»");
    }

    [Theory]
    [InlineData("Сергей", false, "Сергеевич")]
    [InlineData("Сергей", true, "Сергеевна")]
    [InlineData("Юрий", true, "Юрьевна")]
    [InlineData("Анатолий", false, "Анатольевич")]
    [InlineData("Дмитрий", true, "Дмитриевна")]
    [InlineData("Георгий", false, "Георгиевич")]
    [InlineData("Игорь", false, "Игоревич")]
    [InlineData("Николай", true, "Николаевна")]
    [InlineData("Иван", true, "Ивановна")]
    [InlineData("Михаил", false, "Михайлович")]
    [InlineData("Павел", true, "Павловна")]
    [InlineData("Пётр", false, "Петрович")]
    [InlineData("Илья", true, "Ильинична")]
    [InlineData("Никита", false, "Никитич")]
    [InlineData("Фёдор", true, "Фёдоровна")]
    public void PatronymicsTakeTheRightEnding(string father, bool female, string expected) =>
        DemoNames.Patronymic(father, female).Should().Be(expected);

    [Theory]
    [InlineData("Попов", "Попова")]
    [InlineData("Пономарёв", "Пономарёва")]
    [InlineData("Воронин", "Воронина")]
    [InlineData("Корельский", "Корельская")]
    [InlineData("Белых", "Белых")]
    [InlineData("Шевченко", "Шевченко")]
    public void FemaleSurnamesAgreeWithTheMaleForm(string male, string female) =>
        DemoNames.Surname(male, female: true).Should().Be(female);

    [Fact]
    public void NameListsAreLargeAndDistinct()
    {
        DemoNames.Surnames.Should().HaveCountGreaterThanOrEqualTo(80).And.OnlyHaveUniqueItems();
        DemoNames.FemaleNames.Select(n => n.Name).Should().HaveCountGreaterThanOrEqualTo(40).And.OnlyHaveUniqueItems();
        DemoNames.MaleNames.Select(n => n.Name).Should().HaveCountGreaterThanOrEqualTo(40).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void EMailsAreTransliterated() =>
        DemoNames.Transliterate("Щукина Юлия Хабарова").Should().Be("shchukinayuliyakhabarova");

    [Fact]
    public void GeneratedPasswordsSatisfyTheAccountRules()
    {
        for (var i = 0; i < 50; i++)
        {
            var password = DemoRegion.GeneratePassword();
            password.Length.Should().BeGreaterThanOrEqualTo(10);
            password.Should().Match(p => p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit) && p.Distinct().Count() >= 5);
        }
    }
}
