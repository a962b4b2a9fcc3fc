using System.Globalization;
using System.Text;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// How imported text is compared and parsed: headings and dictionary values are folded to a key,
/// dates are read in the forms Russian spreadsheets use.
/// </summary>
public static class ImportText
{
    private static readonly string[] DateFormats =
    [
        "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "yyyy.MM.dd",
    ];

    // Excel's serial day numbers for 01.01.1900 and 31.12.9999; a plain number outside is not a date.
    private const double MinSerial = 1;
    private const double MaxSerial = 2958465;

    /// <summary>
    /// A comparison key: lower case, ё as е, letters and digits only, Latin letters that look like
    /// Cyrillic ones (a frequent typo: «CНИЛС» typed with a Latin C) read as the Cyrillic ones.
    /// «Ф.И.О.», «ф и о» and «ФИО» all give «фио».
    /// </summary>
    public static string Key(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var sb = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var c = char.ToLowerInvariant(raw);
            if (!char.IsLetterOrDigit(c)) continue;
            sb.Append(c switch
            {
                'ё' => 'е',
                'a' => 'а',
                'b' => 'в',
                'c' => 'с',
                'e' => 'е',
                'h' => 'н',
                'k' => 'к',
                'm' => 'м',
                'o' => 'о',
                'p' => 'р',
                't' => 'т',
                'x' => 'х',
                'y' => 'у',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Trims a cell value and turns every run of whitespace (no-break spaces and line breaks too) into one space.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var needsWork = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == value.Length - 1 || value[i + 1] == ' '))
            {
                needsWork = true;
                break;
            }
        }
        if (!needsWork) return value;
        var sb = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Reads a date written as дд.мм.гггг (also д.м.гггг, гггг-мм-дд and with a time after it, as some
    /// programs export) or as an Excel serial day number.
    /// </summary>
    public static bool TryParseDate(string? value, out DateOnly date)
    {
        date = default;
        var text = Clean(value);
        if (text.Length == 0) return false;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;

        // "15.03.1985 0:00:00" or "1985-03-15T00:00:00": the date part followed by a time.
        var cut = text.IndexOfAny([' ', 'T']);
        if (cut > 0 && DateOnly.TryParseExact(text[..cut], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && TimeOnly.TryParse(text[(cut + 1)..], CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is >= MinSerial and <= MaxSerial)
        {
            date = FromExcelSerial(serial);
            return true;
        }
        date = default;
        return false;
    }

    public static DateOnly FromExcelSerial(double serial) => DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));

    private static readonly Dictionary<string, bool> YesNoWords = new (string Word, bool Value)[]
    {
        ("да", true), ("д", true), ("1", true), ("истина", true), ("true", true), ("yes", true), ("есть", true),
        ("нет", false), ("н", false), ("0", false), ("ложь", false), ("false", false), ("no", false),
    }.ToDictionary(x => Key(x.Word), x => x.Value);

    /// <summary>Reads да/нет in the ways people write it (also 1/0, +/−); null when the text is neither.</summary>
    public static bool? ParseYesNo(string? value)
    {
        var text = Clean(value);
        if (YesNoWords.TryGetValue(Key(text), out var result)) return result;
        return text switch
        {
            "+" or "✓" or "√" => true,
            "-" or "—" or "–" or "−" => false,
            _ => null,
        };
    }

    /// <summary>Reads a whole number, allowing a fractional part after a comma or point (stays are often written as «12,5»).</summary>
    public static bool TryParseWholeNumber(string? value, out int number)
    {
        number = 0;
        var text = Clean(value).Replace(',', '.').Replace(" ", "", StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) return false;
        if (parsed is < 0 or > 1000) return false;
        number = (int)Math.Floor(parsed);
        return true;
    }

    /// <summary>The Levenshtein distance, for suggesting the closest dictionary names to a misspelt one.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Up to three names from the dictionary closest to <paramref name="value"/>, for «возможно, имелось в виду».</summary>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> names, int take = 3)
    {
        var key = Key(value);
        if (key.Length == 0) return [];
        return names
            .Select(name => (Name: name, NameKey: Key(name)))
            .Select(x => (x.Name, Score: x.NameKey.Length > 0 && (key.StartsWith(x.NameKey, StringComparison.Ordinal) || x.NameKey.StartsWith(key, StringComparison.Ordinal))
                ? 0
                : Distance(key, x.NameKey)))
            .Where(x => x.Score <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.Name)
            .ToList();
    }
}
