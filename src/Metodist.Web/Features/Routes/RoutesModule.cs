namespace Metodist.Web.Features.Routes;

/// <summary>Services and API of the routes module.</summary>
public static class RoutesModule
{
    public static IServiceCollection AddRoutes(this IServiceCollection services)
    {
        services.AddScoped<RouteDrafts>();
        services.AddScoped<RouteService>();
        services.AddScoped<RouteList>();
        services.AddScoped<RouteDocuments>();
        services.AddScoped<RouteBatch>();
        return services;
    }

    public static void MapRoutesApi(this RouteGroupBuilder api)
    {
        api.MapRoutesEndpoints();
    }
}
