namespace Metodist.Web.Features.Diagnostics;

/// <summary>Services and API of the diagnostics module.</summary>
public static class DiagnosticsModule
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services)
    {
        services.AddScoped<ResultAccess>();
        services.AddScoped<Campaigns>();
        services.AddScoped<DiagnosticAttempts>();
        services.AddScoped<Tests.DiagnosticBuilder>();
        return services;
    }

    public static void MapDiagnosticsApi(this RouteGroupBuilder api)
    {
        api.MapDiagnosticsEndpoints();
        api.MapTestTakingApi();
    }
}
