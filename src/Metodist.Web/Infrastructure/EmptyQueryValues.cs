namespace Metodist.Web.Infrastructure;

/// <summary>
/// An API query parameter sent empty (<c>?municipalityId=&amp;page=1</c>, as forms and many clients send them) means
/// "not given". Minimal APIs would otherwise answer 400 to an empty id, number or enum.
/// </summary>
public static class EmptyQueryValues
{
    public static IApplicationBuilder UseEmptyQueryValuesAsAbsent(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var query = context.Request.Query;
        if (query.Any(p => p.Value.All(string.IsNullOrEmpty)))
            context.Request.QueryString = QueryString.Create(query.Where(p => !p.Value.All(string.IsNullOrEmpty)));
        return next(context);
    });
}
