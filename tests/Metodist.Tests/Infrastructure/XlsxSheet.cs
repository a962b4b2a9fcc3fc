using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Metodist.Tests.Infrastructure;

/// <summary>The first sheet of an XLSX workbook read back as rows of heading → text (dates as the stored serial number).</summary>
public sealed class XlsxSheet
{
    private XlsxSheet(IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Headings = headings;
        Rows = rows;
    }

    public IReadOnlyList<string> Headings { get; }
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public IEnumerable<string> Column(string heading) => Rows.Select(r => r.TryGetValue(heading, out var v) ? v : "");

    public static XlsxSheet Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("No workbook part");
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        var cells = worksheet.Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().ToDictionary(c => ColumnOf(c.CellReference!.Value!), c => TextOf(c, shared)))
            .ToList();
        if (cells.Count == 0) return new XlsxSheet([], []);
        var header = cells[0].OrderBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var rows = cells.Skip(1)
            .Select(r => (IReadOnlyDictionary<string, string>)header.ToDictionary(h => h.Value, h => r.TryGetValue(h.Key, out var v) ? v : ""))
            .ToList();
        return new XlsxSheet(header.Select(h => h.Value).ToList(), rows);
    }

    private static string ColumnOf(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    private static string TextOf(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        return cell.CellValue?.Text ?? "";
    }
}
