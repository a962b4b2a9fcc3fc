using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Metodist.Web.Infrastructure.Exports;

/// <summary>
/// A small writer of Russian official papers in DOCX: A4 with 30/15/20 mm margins, Times New Roman 12 pt, headings,
/// paragraphs and bordered tables whose heading row repeats on each page.
/// </summary>
public sealed class DocxBuilder
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int LeftMargin = 1701;
    private const int RightMargin = 850;
    private const int VerticalMargin = 1134;

    /// <summary>The width of the text in twentieths of a point.</summary>
    public const int TextWidth = PageWidth - LeftMargin - RightMargin;

    private readonly List<OpenXmlElement> _body = [];
    private readonly bool _landscape;

    public DocxBuilder(bool landscape = false) => _landscape = landscape;

    public int Width => _landscape ? PageHeight - LeftMargin - RightMargin : TextWidth;

    public DocxBuilder Heading(string text, bool center = true, int before = 240, int after = 120)
    {
        _body.Add(Para(Layout(center ? JustificationValues.Center : null, before, after), Run(text, bold: true)));
        return this;
    }

    public DocxBuilder Paragraph(string? text, bool bold = false, bool justify = false, bool right = false, int before = 0, int after = 0, int indent = 0)
    {
        var lines = Lines(text);
        if (lines.Length == 0) lines = [""];
        foreach (var line in lines)
            _body.Add(Para(Layout(right ? JustificationValues.Right : justify ? JustificationValues.Both : null, before, after, indent), Run(line, bold)));
        return this;
    }

    /// <summary>A label in bold followed by its text on the same line («Куратор: …»).</summary>
    public DocxBuilder Labelled(string label, string? text, int before = 0)
    {
        _body.Add(Para(Layout(JustificationValues.Both, before), Run(label, bold: true), Run(" " + (text ?? ""))));
        return this;
    }

    /// <summary>A bordered table: <paramref name="widths"/> are relative and scaled to the text width; the first row is the heading.</summary>
    public DocxBuilder Table(int[] widths, IReadOnlyList<string> heading, IEnumerable<IReadOnlyList<string?>> rows, bool headingBold = true)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var total = widths.Sum();
        var columns = widths.Select(w => w * Width / total).ToArray();
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    Border(new TopBorder()), Border(new LeftBorder()), Border(new BottomBorder()),
                    Border(new RightBorder()), Border(new InsideHorizontalBorder()), Border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(columns.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        if (heading.Count > 0) table.Append(Row(columns, heading, header: true, bold: headingBold));
        foreach (var row in rows) table.Append(Row(columns, row, header: false, bold: false));
        _body.Add(table);
        _body.Add(Para(Layout()));
        return this;
    }

    public byte[] Build(string title)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
            styles.Styles.Save();
            var body = new Body();
            body.Append(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(
                _landscape
                    ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = VerticalMargin, Bottom = VerticalMargin, Left = LeftMargin, Right = RightMargin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static TableRow Row(int[] columns, IReadOnlyList<string?> cells, bool header, bool bold)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = columns[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            var lines = Lines(i < cells.Count ? cells[i] : null);
            if (lines.Length == 0) cell.Append(Para(Layout(header ? JustificationValues.Center : null)));
            foreach (var line in lines) cell.Append(Para(Layout(header ? JustificationValues.Center : null), Run(line, bold && header)));
            row.Append(cell);
        }
        return row;
    }

    private static string[] Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToArray();

    private static T Border<T>(T border) where T : BorderType
    {
        border.Val = BorderValues.Single;
        border.Size = 4;
        border.Space = 0;
        border.Color = "000000";
        return border;
    }

    private static ParagraphProperties Layout(JustificationValues? align = null, int before = 0, int after = 0, int indent = 0)
    {
        var properties = new ParagraphProperties();
        if (before > 0 || after > 0)
            properties.SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) };
        if (indent > 0) properties.Indentation = new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture) };
        if (align is { } value) properties.Justification = new Justification { Val = value };
        return properties;
    }

    private static Paragraph Para(ParagraphProperties properties, params Run[] runs)
    {
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.RunProperties = new RunProperties { Bold = new Bold() };
        run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
