using Metodist.Web.Features.Events;

namespace Metodist.Web.Features.Associations;

/// <summary>Services and API of associations, plans and events.</summary>
public static class AssociationsModule
{
    public static IServiceCollection AddAssociations(this IServiceCollection services)
    {
        services.AddScoped<AssociationService>();
        services.AddScoped<AssociationDocuments>();
        services.AddScoped<AssociationPeople>();
        services.AddScoped<ProtocolService>();
        services.AddScoped<ReportService>();
        services.AddScoped<ProgrammeService>();
        services.AddScoped<Public.Services.PublicDirectory>();
        services.AddScoped<EventService>();
        return services;
    }

    public static void MapAssociationsApi(this RouteGroupBuilder api)
    {
        api.MapAssociationsEndpoints();
        api.MapEventsEndpoints();
    }
}
