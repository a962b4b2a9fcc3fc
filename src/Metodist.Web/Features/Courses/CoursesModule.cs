namespace Metodist.Web.Features.Courses;

/// <summary>Services and API of the courses module.</summary>
public static class CoursesModule
{
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        return services;
    }

    public static void MapCoursesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
    }
}
