using System.Globalization;

namespace Metodist.Web.Infrastructure.Web;

/// <summary>Russian conventions for what pages show: dd.MM.yyyy dates, plural forms, numbers with a comma.</summary>
public static class Format
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The region's time zone for showing instants (set once at start from <c>Region:TimeZone</c>).</summary>
    public static TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeZone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)
        : "—";

    public static string Number(int value) => value.ToString("N0", Ru);

    /// <summary>Picks the Russian plural form: 1 педагог, 2 педагога, 5 педагогов.</summary>
    public static string Plural(int n, string one, string few, string many)
    {
        var mod100 = Math.Abs(n) % 100;
        var mod10 = mod100 % 10;
        if (mod100 is >= 11 and <= 14) return many;
        return mod10 switch { 1 => one, >= 2 and <= 4 => few, _ => many };
    }

    public static string Count(int n, string one, string few, string many) => $"{Number(n)} {Plural(n, one, few, many)}";

    public static string Years(int? years) => years is { } y ? Count(y, "год", "года", "лет") : "—";
}
