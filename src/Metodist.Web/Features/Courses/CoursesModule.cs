using Metodist.Web.Features.Files;

namespace Metodist.Web.Features.Courses;

/// <summary>Services and API of the courses module (with the stored files it keeps certificate scans in).</summary>
public static class CoursesModule
{
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddScoped<CourseCatalogue>();
        services.AddScoped<CourseEnrolments>();
        services.AddScoped<CoursePlans>();
        return services;
    }

    public static void MapCoursesApi(this RouteGroupBuilder api)
    {
        api.MapCoursesEndpoints();
        api.MapFilesApi();
    }
}
