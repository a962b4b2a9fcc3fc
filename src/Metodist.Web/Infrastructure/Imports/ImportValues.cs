using System.Text.RegularExpressions;
using Metodist.Web.Features.Registry;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>Checks and readings of single cell values shared by the importers; each returns a Russian message or null.</summary>
public static partial class ImportValues
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    public static string DateError(string value) =>
        $"Неверная дата «{value}»: укажите дату в виде ДД.ММ.ГГГГ, например 15.03.1985.";

    public static string? CheckEmail(string value)
    {
        if (value.Length > 200) return "Адрес электронной почты длиннее 200 символов.";
        return EmailPattern().IsMatch(value) ? null : $"Неверный адрес электронной почты «{value}»: ожидается вид name@example.ru.";
    }

    public static string? CheckPhone(string value)
    {
        if (value.Length > 50) return "Телефон длиннее 50 символов.";
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 20 ? null : $"Неверный телефон «{value}»: в номере должно быть от 5 до 20 цифр.";
    }

    public static string? CheckLength(string value, int max, string what) =>
        value.Length > max ? $"{what} длиннее {max} символов." : null;

    /// <summary>An organization's ИНН from a cell: the digits, or an error. <paramref name="checkDigits"/> also checks the control digits.</summary>
    public static string? ReadInn(string value, bool checkDigits, out string? error)
    {
        error = null;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is not (10 or 12) || value.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '-'))
        {
            error = $"ИНН «{value}» должен состоять из 10 цифр (для физического лица — из 12).";
            return null;
        }
        if (checkDigits && !Inn.IsValid(digits))
        {
            error = $"ИНН {digits} не проходит проверку контрольных цифр.";
            return null;
        }
        return digits;
    }

    /// <summary>A person's name part: letters, spaces, hyphens, apostrophes and dots only.</summary>
    public static string? CheckNamePart(string value, string what)
    {
        if (value.Length > 100) return $"{what} длиннее 100 символов.";
        foreach (var c in value)
        {
            if (!char.IsLetter(c) && c is not ' ' and not '-' and not '\'' and not '’' and not '.' and not '(' and not ')')
                return $"{what} содержит недопустимый символ «{c}»: «{value}».";
        }
        return null;
    }
}
