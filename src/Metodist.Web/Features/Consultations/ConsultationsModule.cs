namespace Metodist.Web.Features.Consultations;

/// <summary>Services and API of the consultation desk and the public list of answers.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddScoped<ConsultationRouter>();
        services.AddScoped<ConsultationDesk>();
        services.AddScoped<ConsultationList>();
        services.AddScoped<Answers.PublicAnswers>();
        return services;
    }

    public static void MapConsultationsApi(this RouteGroupBuilder api)
    {
        api.MapConsultationsEndpoints();
    }
}
