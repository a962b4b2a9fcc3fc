namespace Metodist.Web.Features.Registry;

/// <summary>ИНН of an organization (10 digits) or a person (12 digits), with its check digits.</summary>
public static class Inn
{
    private static readonly int[] W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    public static bool IsValid(string? value)
    {
        if (value is null || !value.All(char.IsDigit)) return false;
        var d = value.Select(c => c - '0').ToArray();
        return d.Length switch
        {
            10 => Check(d, W10) == d[9],
            12 => Check(d, W11) == d[10] && Check(d, W12) == d[11],
            _ => false,
        };
    }

    private static int Check(int[] digits, int[] weights) => weights.Select((w, i) => w * digits[i]).Sum() % 11 % 10;

    /// <summary>Completes nine digits into a valid 10-digit ИНН.</summary>
    public static string FromNineDigits(string nine)
    {
        var d = nine.Select(c => c - '0').ToArray();
        return nine + Check(d, W10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
