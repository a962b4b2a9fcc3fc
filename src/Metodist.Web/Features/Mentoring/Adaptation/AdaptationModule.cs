namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>Services and API of adaptation monitoring of young teachers.</summary>
public static class AdaptationModule
{
    public static IServiceCollection AddAdaptation(this IServiceCollection services)
    {
        services.AddScoped<AdaptationSurveys>();
        services.AddScoped<AdaptationTaking>();
        services.AddScoped<AdaptationResults>();
        return services;
    }

    public static void MapAdaptationApi(this RouteGroupBuilder api)
    {
        api.MapAdaptationEndpoints();
    }
}
