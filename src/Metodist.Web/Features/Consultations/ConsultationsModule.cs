namespace Metodist.Web.Features.Consultations;

/// <summary>Services and API of the module of консультационного пункта.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        return services;
    }

    public static void MapConsultationsApi(this RouteGroupBuilder api)
    {
    }
}
