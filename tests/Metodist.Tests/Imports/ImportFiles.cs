using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Metodist.Tests.Imports;

/// <summary>Builds the files people upload: CSV in a chosen encoding and separator, XLSX with shared strings and real Excel dates.</summary>
public static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    public static readonly string[] TeacherHeadings =
    [
        "Фамилия", "Имя", "Отчество", "Дата рождения", "СНИЛС", "Муниципалитет", "Организация", "Должность", "Предметы",
        "Квалификационная категория", "Дата присвоения категории", "Дата начала педагогической деятельности", "Электронная почта",
    ];

    public static byte[] Csv(IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows, char separator = ';', Encoding? encoding = null, bool bom = false)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(separator, headings.Select(h => Quote(h, separator)))).Append("\r\n");
        foreach (var row in rows) sb.Append(string.Join(separator, row.Select(v => Quote(v, separator)))).Append("\r\n");
        var enc = encoding ?? new UTF8Encoding(false);
        var body = enc.GetBytes(sb.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. body] : body;
    }

    private static string Quote(string value, char separator) =>
        value.Contains(separator) || value.Contains('"') || value.Contains('\n') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>A cell of a test workbook: text (shared string), a number, or a date stored as an Excel serial with a date style.</summary>
    public abstract record XCell;

    public sealed record XText(string Value) : XCell;

    public sealed record XNumber(double Value) : XCell;

    public sealed record XDate(DateOnly Value) : XCell;

    /// <summary>A formatted cell with no value, as Excel writes for cells someone styled but left empty.</summary>
    public sealed record XBlank : XCell;

    public static XCell T(string value) => new XText(value);

    public static XCell D(DateOnly value) => new XDate(value);

    public static XCell N(double value) => new XNumber(value);

    public static XCell Blank() => new XBlank();

    /// <summary>A one-sheet workbook; strings go to the shared string table as Excel writes them.</summary>
    public static byte[] Xlsx(IReadOnlyList<IReadOnlyList<XCell?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 165, FormatCode = "dd/mm/yyyy;@" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 3 });
            styles.Stylesheet.Save();

            var strings = new List<string>();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Count; c++)
                {
                    var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    switch (rows[r][c])
                    {
                        case XText text:
                            var index = strings.IndexOf(text.Value);
                            if (index < 0)
                            {
                                strings.Add(text.Value);
                                index = strings.Count - 1;
                            }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) });
                            break;
                        case XNumber number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.Value.ToString(CultureInfo.InvariantCulture)) });
                            break;
                        case XBlank:
                            row.Append(new Cell { CellReference = reference, StyleIndex = 1 });
                            break;
                        case XDate date:
                            // Alternate the built-in and a custom date format: real files have both.
                            row.Append(new Cell
                            {
                                CellReference = reference, StyleIndex = (uint)(r % 2 == 0 ? 1 : 2),
                                CellValue = new CellValue(date.Value.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                            });
                            break;
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            sheetPart.Worksheet.Save();

            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            sharedPart.SharedStringTable.Save();

            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Лист1" }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
