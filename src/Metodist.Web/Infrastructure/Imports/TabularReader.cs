using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Metodist.Web.Infrastructure.Imports;

public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>The file cannot be read as a table; the message says why in words a user can act on.</summary>
public sealed class TabularFileException(string message) : Exception(message);

/// <summary>
/// One data row of a table: its number as the user sees it in the file (the header is row 1 when it
/// is the first line) and its values by heading as written in the file. Values are trimmed, never null.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "It is a row of a table first; the dictionary view is a convenience.")]
public sealed class TabularRow : IReadOnlyDictionary<string, string>
{
    private readonly TabularHeader _header;
    private readonly string[] _values;

    internal TabularRow(int number, TabularHeader header, string[] values)
    {
        Number = number;
        _header = header;
        _values = values;
    }

    public int Number { get; }

    /// <summary>The value in a column by its position (0-based); empty beyond the end of the row.</summary>
    public string this[int column] => column >= 0 && column < _values.Length ? _values[column] ?? "" : "";

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Нет столбца «{key}».");

    public IEnumerable<string> Keys => _header.Index.Keys;

    public IEnumerable<string> Values => _header.Index.Values.Select(i => this[i]);

    public int Count => _header.Index.Count;

    public bool ContainsKey(string key) => _header.Index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_header.Index.TryGetValue(key, out var column))
        {
            value = this[column];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _header.Index.Select(h => new KeyValuePair<string, string>(h.Key, this[h.Value])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal sealed class TabularHeader
{
    public TabularHeader(IReadOnlyList<string> headings)
    {
        Headings = headings;
        for (var i = 0; i < headings.Count; i++)
        {
            if (headings[i].Length > 0) Index.TryAdd(headings[i], i);
        }
    }

    public IReadOnlyList<string> Headings { get; }

    /// <summary>Heading → column; a repeated heading keeps its first column.</summary>
    public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);
}

/// <summary>An open table: its headings and a single pass over its data rows.</summary>
public sealed class TabularFile : IDisposable
{
    private readonly IEnumerator<(int Number, string[] Cells)> _source;
    private readonly TabularHeader _header;
    private bool _started;

    private readonly List<(int Number, string[] Cells)> _pending;

    internal TabularFile(TabularFormat format, IEnumerator<(int Number, string[] Cells)> source, int headerRow, string[] headings,
        List<(int Number, string[] Cells)> pending, string? encoding, char? separator)
    {
        Format = format;
        _source = source;
        _pending = pending;
        HeaderRowNumber = headerRow;
        _header = new TabularHeader(headings);
        EncodingName = encoding;
        Separator = separator;
    }

    public TabularFormat Format { get; }

    /// <summary>The row the headings were found in (1 unless title lines come first).</summary>
    public int HeaderRowNumber { get; }

    /// <summary>The headings as written in the file (trimmed), by column; empty for a column without one.</summary>
    public IReadOnlyList<string> Headings => _header.Headings;

    /// <summary>The encoding a CSV file was read in (UTF-8 or windows-1251).</summary>
    public string? EncodingName { get; }

    /// <summary>The separator of a CSV file.</summary>
    public char? Separator { get; }

    /// <summary>The data rows after the header; completely empty rows are skipped (their numbers stay counted). Can be enumerated once.</summary>
    public IEnumerable<TabularRow> Rows
    {
        get
        {
            if (_started) throw new InvalidOperationException("Строки файла можно прочитать только один раз.");
            _started = true;
            return ReadRows();
        }
    }

    private IEnumerable<TabularRow> ReadRows()
    {
        foreach (var raw in _pending)
        {
            if (TabularReader.IsEmpty(raw.Cells)) continue;
            yield return new TabularRow(raw.Number, _header, raw.Cells);
        }
        _pending.Clear();
        while (TabularReader.Next(_source, out var raw))
        {
            if (TabularReader.IsEmpty(raw.Cells)) continue;
            yield return new TabularRow(raw.Number, _header, raw.Cells);
        }
    }

    public void Dispose() => _source.Dispose();
}

/// <summary>
/// Reads CSV (UTF-8 or windows-1251, separated by «;», «,» or tabs) and XLSX (the first sheet, streamed
/// with the SAX reader) into rows of heading → text. Excel dates come out as дд.мм.гггг; other numbers as
/// plain digits (so a СНИЛС or ИНН typed as a number keeps all its digits).
/// </summary>
public static class TabularReader
{
    /// <summary>Columns beyond this are ignored: a sheet formatted down to column XFD must not allocate 16,384 cells per row.</summary>
    public const int MaxColumns = 256;

    /// <summary>How many rows from the top may be title lines above the headings.</summary>
    private const int HeaderSearchRows = 30;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    static TabularReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1251, the encoding Excel uses for «CSV (разделители — запятые)» on Russian Windows.</summary>
    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>What the content is, judged by its bytes; null when it is neither XLSX nor text.</summary>
    public static TabularFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return null;
        if (content.StartsWith(ZipSignature)) return TabularFormat.Xlsx;
        if (content.StartsWith(OleSignature)) return null;
        if (content.StartsWith([(byte)0xFF, (byte)0xFE]) || content.StartsWith([(byte)0xFE, (byte)0xFF])) return TabularFormat.Csv;
        // Text has no NUL bytes and few control characters; binaries (PDF streams, images) have plenty.
        var sample = content[..Math.Min(content.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return null;
            if (b < 0x20 && b is not (byte)'\r' and not (byte)'\n' and not (byte)'\t') control++;
        }
        return control * 100 > sample.Length ? null : TabularFormat.Csv;
    }

    /// <summary>A Russian explanation of why content is not accepted, or null when it can be read.</summary>
    public static string? Reject(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return "Файл пуст.";
        if (content.StartsWith(OleSignature))
            return "Файлы Excel 97–2003 (.xls) не поддерживаются: откройте файл в Excel и сохраните его как «Книга Excel (.xlsx)» или CSV.";
        return Detect(content) is null ? "Неизвестный тип файла: загрузите таблицу XLSX или CSV." : null;
    }

    /// <summary>
    /// Opens a table. <paramref name="isHeader"/> recognises the heading row among the first rows (title
    /// lines above a table are common); without it, or when no row is recognised, the first non-empty row is the header.
    /// </summary>
    public static TabularFile Open(byte[] content, Func<IReadOnlyList<string>, bool>? isHeader = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Reject(content) is { } problem) throw new TabularFileException(problem);
        var format = Detect(content)!.Value;
        IEnumerator<(int Number, string[] Cells)> source;
        string? encodingName = null;
        char? separator = null;
        if (format == TabularFormat.Xlsx)
        {
            source = XlsxRows(OpenWorkbook(content)).GetEnumerator();
        }
        else
        {
            var encoding = DetectEncoding(content);
            encodingName = encoding?.WebName ?? "utf-8";
            separator = DetectSeparator(content);
            source = CsvRows(content, encoding, separator.Value).GetEnumerator();
        }

        try
        {
            var (headerRow, headings, pending) = FindHeader(source, isHeader);
            return new TabularFile(format, source, headerRow, headings, pending, encodingName, separator);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The header row and the rows read after it while looking for it (they are data and must not be lost
    /// when the search ends on the first row because no row looked like headings).
    /// </summary>
    private static (int Row, string[] Headings, List<(int Number, string[] Cells)> Pending) FindHeader(
        IEnumerator<(int Number, string[] Cells)> source, Func<IReadOnlyList<string>, bool>? isHeader)
    {
        var read = new List<(int Number, string[] Cells)>();
        var nonEmpty = 0;
        while (nonEmpty < HeaderSearchRows && Next(source, out var raw))
        {
            read.Add(raw);
            if (IsEmpty(raw.Cells)) continue;
            nonEmpty++;
            var cells = raw.Cells.Select(ImportText.Clean).ToArray();
            if (isHeader is null || isHeader(cells)) return (raw.Number, cells, []);
        }
        var first = read.FindIndex(r => !IsEmpty(r.Cells));
        if (first < 0) throw new TabularFileException("В файле нет ни одной заполненной строки.");
        // No row looked like the headings: take the first one, so the user is told which columns are missing.
        return (read[first].Number, read[first].Cells.Select(ImportText.Clean).ToArray(), read.Skip(first + 1).ToList());
    }

    internal static bool Next(IEnumerator<(int Number, string[] Cells)> source, out (int Number, string[] Cells) row)
    {
        try
        {
            if (source.MoveNext())
            {
                row = source.Current;
                return true;
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or OpenXmlPackageException or FormatException or CsvFormatException or DecoderFallbackException)
        {
            throw new TabularFileException("Файл повреждён или имеет неверный формат: " + e.Message);
        }
        row = default;
        return false;
    }

    internal static bool IsEmpty(string[] cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell)) return false;
        }
        return true;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 by its BOM (null: the reader honours it), windows-1251 otherwise.</summary>
    internal static Encoding? DetectEncoding(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF])) return null;
        if (content.StartsWith([(byte)0xFF, (byte)0xFE]) || content.StartsWith([(byte)0xFE, (byte)0xFF])) return null;
        return Utf8.IsValid(content) ? null : Windows1251;
    }

    /// <summary>
    /// The separator that splits the header line into the most fields: «;» (Excel in Russian), «,» or a
    /// tab, counted outside quotes over the first lines (title lines above the headings usually have none).
    /// </summary>
    internal static char DetectSeparator(ReadOnlySpan<byte> content)
    {
        var candidates = new[] { (byte)';', (byte)',', (byte)'\t' };
        var best = new int[candidates.Length];
        var counts = new int[candidates.Length];
        var inQuotes = false;
        var lines = 0;
        var limit = Math.Min(content.Length, 256 * 1024);
        for (var i = 0; i < limit && lines < HeaderSearchRows; i++)
        {
            var b = content[i];
            if (b == (byte)'"') inQuotes = !inQuotes;
            else if (!inQuotes && b == (byte)'\n')
            {
                for (var k = 0; k < candidates.Length; k++)
                {
                    best[k] = Math.Max(best[k], counts[k]);
                    counts[k] = 0;
                }
                lines++;
            }
            else if (!inQuotes)
            {
                for (var k = 0; k < candidates.Length; k++)
                {
                    if (b == candidates[k]) counts[k]++;
                }
            }
        }
        for (var k = 0; k < candidates.Length; k++) best[k] = Math.Max(best[k], counts[k]);
        var choice = 0;
        for (var k = 1; k < candidates.Length; k++)
        {
            if (best[k] > best[choice]) choice = k;
        }
        return (char)candidates[choice];
    }

    private static IEnumerable<(int Number, string[] Cells)> CsvRows(byte[] content, Encoding? encoding, char separator)
    {
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = false,
            TrimWhitespace = true,
            PoolStrings = true,
            Encoding = encoding,
        };
        using var reader = CsvReader.Create(content, options);
        while (reader.Read())
        {
            var count = Math.Min(reader.FieldCount, MaxColumns);
            var cells = new string[count];
            for (var i = 0; i < count; i++) cells[i] = reader.GetString(i) ?? "";
            yield return ((int)reader.RowNumber, cells);
        }
    }

    private static SpreadsheetDocument OpenWorkbook(byte[] content)
    {
        try
        {
            return SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or XmlException or ArgumentException)
        {
            throw new TabularFileException("Не удалось открыть файл как книгу Excel (XLSX): файл повреждён или это архив другого типа.");
        }
    }

    private static IEnumerable<(int Number, string[] Cells)> XlsxRows(SpreadsheetDocument document)
    {
        try
        {
            var workbookPart = document.WorkbookPart ?? throw new TabularFileException("Файл не является книгой Excel (XLSX).");
            var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible) ?? sheets.FirstOrDefault();
            if (sheet?.Id?.Value is not { } partId || workbookPart.GetPartById(partId) is not WorksheetPart worksheet)
                throw new TabularFileException("В книге нет листа с данными.");
            var shared = SharedStrings(workbookPart.SharedStringTablePart);
            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart);

            using var reader = OpenXmlReader.Create(worksheet);
            var cells = new List<string>();
            var rowNumber = 0;
            var column = -1;
            string? type = null;
            uint style = 0;
            string? value = null;
            StringBuilder? inline = null;
            var phonetic = 0;
            while (reader.Read())
            {
                var element = reader.ElementType;
                if (element == typeof(Row))
                {
                    if (reader.IsStartElement)
                    {
                        rowNumber = UIntAttribute(reader, "r") is { } r ? (int)r : rowNumber + 1;
                        cells.Clear();
                        column = -1;
                    }
                    else
                    {
                        yield return (rowNumber, cells.ToArray());
                    }
                }
                else if (element == typeof(Cell))
                {
                    if (reader.IsStartElement)
                    {
                        var reference = Attribute(reader, "r");
                        column = reference is null ? column + 1 : ColumnIndex(reference);
                        type = Attribute(reader, "t");
                        style = UIntAttribute(reader, "s") ?? 0;
                        value = null;
                        inline = null;
                    }
                    else if (column is >= 0 and < MaxColumns)
                    {
                        while (cells.Count <= column) cells.Add("");
                        cells[column] = CellText(type, style, value, inline, shared, dateStyles);
                    }
                }
                else if (element == typeof(CellValue) && reader.IsStartElement)
                {
                    value = reader.GetText();
                }
                else if (element == typeof(PhoneticRun))
                {
                    phonetic += reader.IsStartElement ? 1 : -1;
                }
                else if (element == typeof(SheetText) && reader.IsStartElement && phonetic == 0)
                {
                    (inline ??= new StringBuilder()).Append(reader.GetText());
                }
            }
        }
        finally
        {
            document.Dispose();
        }
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri)) return attribute.Value;
        }
        return null;
    }

    private static uint? UIntAttribute(OpenXmlReader reader, string name) =>
        uint.TryParse(Attribute(reader, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>"AB12" → 27.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') index = index * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') index = index * 26 + (c - 'a' + 1);
            else break;
            if (index > 100_000) break;
        }
        return index - 1;
    }

    private static string CellText(string? type, uint style, string? value, StringBuilder? inline, List<string> shared, HashSet<uint> dateStyles)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
            case "inlineStr":
                return inline?.ToString() ?? value ?? "";
            case "str" or "e" or "b":
                return value ?? "";
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? iso.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
                    : value ?? "";
            default:
                if (value is null) return inline?.ToString() ?? "";
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
                if (dateStyles.Contains(style) && number is >= 1 and < 2958466)
                    return ImportText.FromExcelSerial(number).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                return Math.Abs(number) < 1e15 && number == Math.Floor(number)
                    ? ((long)number).ToString(CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        StringBuilder? item = null;
        var phonetic = 0;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) item = new StringBuilder();
                else
                {
                    strings.Add(item?.ToString() ?? "");
                    item = null;
                }
            }
            else if (element == typeof(PhoneticRun))
            {
                phonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (element == typeof(SheetText) && reader.IsStartElement && phonetic == 0)
            {
                item?.Append(reader.GetText());
            }
        }
        return strings;
    }

    /// <summary>The indexes of cell styles that show a number as a date.</summary>
    private static HashSet<uint> DateStyles(WorkbookStylesPart? part)
    {
        var result = new HashSet<uint>();
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id) custom[id] = format.FormatCode?.Value ?? "";
        }
        uint index = 0;
        foreach (var cellFormat in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = cellFormat.NumberFormatId?.Value ?? 0;
            if (IsDateFormat(id, custom)) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (custom.TryGetValue(id, out var code)) return IsDateCode(code);
        // Built-in formats: 14–17 and 22 are dates (22 with a time), 27–36 and 50–58 East Asian dates.
        return id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);
    }

    internal static bool IsDateCode(string code)
    {
        var sb = new StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (bracket) continue;
            else if (c == '\\') i++;
            else sb.Append(char.ToLowerInvariant(c));
        }
        var plain = sb.ToString();
        return plain.Contains('d') || plain.Contains('y') || plain.Contains('д') || plain.Contains('г');
    }
}
