using System.Globalization;
using System.Text;

namespace Metodist.Web.Features.Events;

/// <summary>One VEVENT of the feed.</summary>
public sealed record CalendarEntry(Guid Id, string Title, DateTime StartUtc, DateTime EndUtc, string? Location, string? Description, string? Url,
    DateTime UpdatedUtc, bool Cancelled = false);

/// <summary>An iCalendar (RFC 5545) document: CRLF lines folded at 75 octets, text escaped, times in UTC.</summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Build(string calendarName, IEnumerable<CalendarEntry> entries, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Metodist//Events//RU");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in entries)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Id:D}@metodist");
            Line("DTSTAMP:" + Stamp(nowUtc));
            Line("LAST-MODIFIED:" + Stamp(e.UpdatedUtc));
            Line("DTSTART:" + Stamp(e.StartUtc));
            Line("DTEND:" + Stamp(e.EndUtc <= e.StartUtc ? e.StartUtc.AddHours(1) : e.EndUtc));
            Line("SUMMARY:" + Escape(e.Title));
            if (!string.IsNullOrWhiteSpace(e.Location)) Line("LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description)) Line("DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrWhiteSpace(e.Url)) Line("URL:" + e.Url);
            Line("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    public static string Stamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Writes a content line folded so that no physical line exceeds 75 octets of UTF-8, never splitting a character.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var first = true;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsSurrogatePair(line, i) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            var limit = first ? 75 : 74;
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                first = false;
            }
            sb.Append(line, i, width);
            octets += bytes;
            i += width;
        }
        sb.Append("\r\n");
    }

    /// <summary>Reads a feed back: unfolds lines and returns each VEVENT's properties (name → unescaped value). For tests and imports.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var raw in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "BEGIN:VEVENT") current = [];
            else if (raw == "END:VEVENT" && current is not null) { events.Add(current); current = null; }
            else if (current is not null && raw.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                var name = raw[..colon].Split(';')[0];
                current[name] = raw[(colon + 1)..].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal)
                    .Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }
        }
        return events;
    }
}
