using System.Text;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Imports;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

[Trait("Category", "Unit")]
public sealed class TabularReaderTests
{
    private static List<(int Row, Dictionary<string, string> Values)> ReadAll(TabularFile file) =>
        file.Rows.Select(r => (r.Number, r.ToDictionary(kv => kv.Key, kv => kv.Value))).ToList();

    [Fact]
    public void AUtf8CsvWithCommasQuotesAndABomIsReadWithRowNumbersAsInTheFile()
    {
        var csv = Csv(["ФИО", "Предметы", "Дата рождения"],
            [["Иванова Мария", "Математика, Информатика", "14.03.1985"], ["", "", ""], ["Петров \"Олег\"", "Физика", "02.07.1990"]], separator: ',', bom: true);

        using var file = TabularReader.Open(csv);

        file.Format.Should().Be(TabularFormat.Csv);
        file.Separator.Should().Be(',');
        file.EncodingName.Should().Be("utf-8");
        file.Headings.Should().Equal("ФИО", "Предметы", "Дата рождения");
        var rows = ReadAll(file);
        rows.Select(r => r.Row).Should().Equal(2, 4);
        rows[0].Values["Предметы"].Should().Be("Математика, Информатика");
        rows[1].Values["ФИО"].Should().Be("Петров \"Олег\"");
    }

    [Fact]
    public void AWindows1251CsvSeparatedBySemicolonsIsDetected()
    {
        var csv = Csv(["Фамилия", "Имя"], [["Ёлкина", "Алёна"]], separator: ';', encoding: Windows1251);

        using var file = TabularReader.Open(csv);

        file.Separator.Should().Be(';');
        file.EncodingName.Should().Be("windows-1251");
        ReadAll(file).Single().Values.Should().Equal(new Dictionary<string, string> { ["Фамилия"] = "Ёлкина", ["Имя"] = "Алёна" });
    }

    [Fact]
    public void AUnicodeTextFileFromExcelSeparatedByTabsIsRead()
    {
        var tsv = Csv(["ФИО", "Дата рождения"], [["Иванова Мария", "14.03.1985"]], separator: '\t', encoding: Encoding.Unicode);

        using var file = TabularReader.Open([.. Encoding.Unicode.GetPreamble(), .. tsv]);

        file.Separator.Should().Be('\t');
        ReadAll(file).Single().Values["Дата рождения"].Should().Be("14.03.1985");
    }

    [Fact]
    public void TitleLinesAboveTheHeadingsAreSkippedWhenTheHeadingsAreRecognised()
    {
        var text = "Список педагогов, работающих в МБОУ СШ № 1\r\n\r\nФИО;Дата рождения;Должность\r\nИванова Мария;14.03.1985;Учитель\r\n";

        using var file = TabularReader.Open(Encoding.UTF8.GetBytes(text),
            headings => ColumnMap<TeacherField>.CountKnown(headings, ImportColumns.Teachers) >= 2);

        file.HeaderRowNumber.Should().Be(3);
        file.Separator.Should().Be(';', "the title line's comma does not outvote the header's semicolons");
        ReadAll(file).Single().Row.Should().Be(4);
    }

    [Fact]
    public void WhenNoRowLooksLikeHeadingsTheFirstRowIsTakenAndNoDataRowIsLost()
    {
        var csv = Csv(["Наименование"], Enumerable.Range(1, 40).Select(i => (IReadOnlyList<string>)[$"Школа № {i}"]));

        using var file = TabularReader.Open(csv, _ => false);

        file.HeaderRowNumber.Should().Be(1);
        file.Headings.Should().Equal("Наименование");
        var rows = ReadAll(file);
        rows.Should().HaveCount(40);
        rows[0].Row.Should().Be(2);
        rows[^1].Values["Наименование"].Should().Be("Школа № 40");
    }

    [Fact]
    public void AnXlsxSheetGivesSharedStringsNumbersAndDatesAsText()
    {
        var xlsx = Xlsx(
        [
            [T("ФИО"), T("Дата рождения"), T("СНИЛС"), T("Стаж")],
            [T("Иванова Мария"), D(new DateOnly(1985, 3, 14)), N(11223344595), N(12.5)],
            [Blank(), Blank(), Blank()],
            [T("Петров Олег"), D(new DateOnly(1990, 7, 2)), null, N(3)],
        ]);

        using var file = TabularReader.Open(xlsx);

        file.Format.Should().Be(TabularFormat.Xlsx);
        var rows = ReadAll(file);
        rows.Select(r => r.Row).Should().Equal(2, 4);
        rows[0].Values.Should().Equal(new Dictionary<string, string>
        {
            ["ФИО"] = "Иванова Мария", ["Дата рождения"] = "14.03.1985", ["СНИЛС"] = "11223344595", ["Стаж"] = "12.5",
        });
        rows[1].Values["Дата рождения"].Should().Be("02.07.1990");
        rows[1].Values["СНИЛС"].Should().BeEmpty();
    }

    [Fact]
    public void TheAppsOwnXlsxExportWithInlineStringsIsReadBack()
    {
        XlsxColumn<(string Name, DateOnly Born)>[] columns = [new("ФИО", 20, r => r.Name), new("Дата рождения", 12, r => r.Born)];
        var xlsx = Metodist.Web.Infrastructure.Exports.Xlsx.Write("Лист", columns, [("Иванова Мария", new DateOnly(1985, 3, 14))]);

        using var file = TabularReader.Open(xlsx);

        ReadAll(file).Single().Values.Should().Equal(new Dictionary<string, string> { ["ФИО"] = "Иванова Мария", ["Дата рождения"] = "14.03.1985" });
    }

    [Theory]
    [InlineData(new byte[0], "Файл пуст.")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, ".xls")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0, 1, 2 }, "Неизвестный тип файла")]
    public void WhatIsNotATableIsRejectedWithAReason(byte[] content, string reason)
    {
        TabularReader.Reject(content).Should().Contain(reason);
        var open = () => TabularReader.Open(content);
        open.Should().Throw<TabularFileException>().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public void AZipThatIsNotAWorkbookIsReportedAsDamaged()
    {
        var open = () => TabularReader.Open([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
        open.Should().Throw<TabularFileException>().Which.Message.Should().Contain("XLSX");
    }

    [Theory]
    [InlineData("dd.mm.yyyy", true)]
    [InlineData("[$-419]d mmmm yyyy;@", true)]
    [InlineData("0.00", false)]
    [InlineData("\"день\" 0", false)]
    [InlineData("h:mm", false)]
    public void CustomNumberFormatsAreTakenForDatesOnlyWhenTheyShowDaysOrYears(string code, bool isDate) =>
        TabularReader.IsDateCode(code).Should().Be(isDate);
}
