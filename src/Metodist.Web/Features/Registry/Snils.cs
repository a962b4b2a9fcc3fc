namespace Metodist.Web.Features.Registry;

/// <summary>СНИЛС: eleven digits, the last two a checksum of the first nine.</summary>
public static class Snils
{
    /// <summary>Returns the canonical form «123-456-789 01», or null with a reason when the value is not a valid СНИЛС.</summary>
    public static string? Normalize(string? value, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 11 || value.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '-'))
        {
            error = "СНИЛС должен состоять из 11 цифр (например, 112-233-445 95)";
            return null;
        }
        if (!HasValidChecksum(digits))
        {
            error = "СНИЛС не проходит проверку контрольной суммы";
            return null;
        }
        return $"{digits[..3]}-{digits[3..6]}-{digits[6..9]} {digits[9..]}";
    }

    public static bool HasValidChecksum(string digits)
    {
        var number = long.Parse(digits[..9], System.Globalization.CultureInfo.InvariantCulture);
        var control = int.Parse(digits[9..], System.Globalization.CultureInfo.InvariantCulture);
        // Numbers up to 001-001-998 were issued before checksums existed.
        if (number <= 1001998) return true;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (9 - i);
        var expected = sum < 100 ? sum : sum is 100 or 101 ? 0 : sum % 101;
        if (expected == 100) expected = 0;
        return expected == control;
    }

    /// <summary>Builds a valid СНИЛС from nine digits (for demo data and tests).</summary>
    public static string FromNumber(int nineDigits)
    {
        var digits = nineDigits.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (9 - i);
        var control = sum < 100 ? sum : sum is 100 or 101 ? 0 : sum % 101;
        if (control == 100) control = 0;
        return $"{digits[..3]}-{digits[3..6]}-{digits[6..9]} {control:D2}";
    }
}
