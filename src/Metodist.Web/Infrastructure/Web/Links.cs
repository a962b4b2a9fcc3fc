using Microsoft.AspNetCore.Http.Extensions;

namespace Metodist.Web.Infrastructure.Web;

/// <summary>Addresses of list pages with their filters: empty values are left out of the query string.</summary>
public static class Links
{
    /// <summary>The path with the given parameters, later ones replacing earlier ones with the same key.</summary>
    public static string To(string path, IEnumerable<(string Key, string? Value)> parameters)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters) values[key] = value;
        var query = new QueryBuilder(values.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
        return path + query.ToQueryString();
    }

    public static string? Page(int page) => page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}
