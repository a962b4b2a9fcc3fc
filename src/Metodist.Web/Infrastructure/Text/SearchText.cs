using System.Globalization;
using System.Text;

namespace Metodist.Web.Infrastructure.Text;

/// <summary>
/// Folding rules for search: lower case, ё = е, single spaces. SQLite lowers only ASCII letters,
/// so we store folded copies and fold the query the same way instead of relying on the database.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var sb = new StringBuilder(value.Length);
        var lastSpace = true;
        foreach (var raw in value)
        {
            var c = char.ToLower(raw, CultureInfo.InvariantCulture);
            if (c == 'ё') c = 'е';
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            sb.Append(c);
            lastSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Splits a query into folded words, each to be found anywhere in the folded text.</summary>
    public static string[] Terms(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A LIKE pattern that matches the term anywhere, with LIKE wildcards escaped.</summary>
    public static string ContainsPattern(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
