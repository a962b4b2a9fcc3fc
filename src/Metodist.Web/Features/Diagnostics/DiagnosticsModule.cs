namespace Metodist.Web.Features.Diagnostics;

/// <summary>Services and API of the diagnostics module.</summary>
public static class DiagnosticsModule
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services)
    {
        return services;
    }

    public static void MapDiagnosticsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
    }
}
