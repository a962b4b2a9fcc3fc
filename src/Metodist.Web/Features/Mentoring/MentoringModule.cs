namespace Metodist.Web.Features.Mentoring;

/// <summary>Services and API of the module of наставничества (пары, молодые педагоги, подбор наставников).</summary>
public static class MentoringModule
{
    public static IServiceCollection AddMentoring(this IServiceCollection services)
    {
        services.AddScoped<MentoringPairs>();
        services.AddScoped<MentoringPairList>();
        services.AddScoped<YoungTeacherList>();
        services.AddScoped<MentorSuggestions>();
        return services;
    }

    public static void MapMentoringApi(this RouteGroupBuilder api)
    {
        api.MapMentoringEndpoints();
    }
}
