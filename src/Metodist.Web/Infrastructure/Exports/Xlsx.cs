using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Metodist.Web.Infrastructure.Exports;

/// <summary>A column of an exported sheet: heading, width in characters, and how to read the value from a row.</summary>
public sealed record XlsxColumn<T>(string Heading, double Width, Func<T, object?> Value);

/// <summary>One sheet of a workbook of several: its name, columns and rows.</summary>
public interface IXlsxWorksheet
{
    string Name { get; }
    int ColumnCount { get; }

    /// <summary>Writes the sheet and returns the number of its last row.</summary>
    int WriteTo(WorksheetPart part, bool selected);
}

public sealed record XlsxWorksheet<T>(string Name, IReadOnlyList<XlsxColumn<T>> Columns, IEnumerable<T> Rows) : IXlsxWorksheet
{
    public int ColumnCount => Columns.Count;

    public int WriteTo(WorksheetPart part, bool selected) => Xlsx.WriteSheet(part, Columns, Rows, selected);
}

/// <summary>
/// Writes one-sheet XLSX workbooks with a bold frozen header row and an autofilter, streaming rows so
/// that a 100,000-row list does not build a DOM. Dates are real Excel dates shown as дд.мм.гггг.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;

    public static byte[] Write<T>(string sheetName, IReadOnlyList<XlsxColumn<T>> columns, IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = BuildStylesheet();
            styles.Stylesheet.Save();

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var rowCount = WriteSheet(sheetPart, columns, rows);

            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SafeSheetName(sheetName) }),
                new DefinedNames(new DefinedName($"'{SafeSheetName(sheetName)}'!$A$1:${ColumnName(columns.Count - 1)}${Math.Max(1, rowCount)}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
                }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A workbook of several sheets, each like the one of <see cref="Write{T}"/>; the first sheet is the one that opens.</summary>
    public static byte[] WriteWorkbook(params IXlsxWorksheet[] worksheets)
    {
        ArgumentNullException.ThrowIfNull(worksheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = BuildStylesheet();
            styles.Stylesheet.Save();

            var sheets = new Sheets();
            var filters = new DefinedNames();
            for (var i = 0; i < worksheets.Length; i++)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var rowCount = worksheets[i].WriteTo(sheetPart, selected: i == 0);
                var name = SafeSheetName(worksheets[i].Name);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = (uint)(i + 1), Name = name });
                filters.Append(new DefinedName($"'{name}'!$A$1:${ColumnName(worksheets[i].ColumnCount - 1)}${Math.Max(1, rowCount)}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
                });
            }
            workbookPart.Workbook = new Workbook(sheets, filters);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    internal static int WriteSheet<T>(WorksheetPart part, IReadOnlyList<XlsxColumn<T>> columns, IEnumerable<T> rows, bool selected = true)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());

        writer.WriteStartElement(new SheetViews());
        // Only one sheet may be selected: several selected sheets open grouped, and an edit in one changes them all.
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = selected });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement(new Columns());
        for (var i = 0; i < columns.Count; i++)
            writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        var rowIndex = 1;
        writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
        for (var i = 0; i < columns.Count; i++) WriteCell(writer, i, rowIndex, columns[i].Heading, HeaderStyle);
        writer.WriteEndElement();

        foreach (var row in rows)
        {
            rowIndex++;
            writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
            for (var i = 0; i < columns.Count; i++) WriteCell(writer, i, rowIndex, columns[i].Value(row), 0);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count - 1)}{rowIndex}" });
        writer.WriteEndElement();
        return rowIndex;
    }

    private static void WriteCell(OpenXmlWriter writer, int column, int row, object? value, uint style)
    {
        var reference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
        switch (value)
        {
            case null:
                return;
            case DateOnly date:
                writer.WriteElement(new Cell
                {
                    CellReference = reference, StyleIndex = DateStyle,
                    CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                });
                return;
            case int or long or double or decimal:
                writer.WriteElement(new Cell
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                });
                return;
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                var cell = new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString };
                cell.AppendChild(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
                writer.WriteElement(cell);
                return;
        }
    }

    /// <summary>Removes control characters that XML 1.0 cannot carry.</summary>
    private static string Clean(string text) =>
        text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r') ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static string SafeSheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Лист1" : clean;
    }

    private static Stylesheet BuildStylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd.mm.yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
