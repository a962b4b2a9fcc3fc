using Metodist.Web.Features.Imports;

namespace Metodist.Web.Infrastructure.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddMetodistImports(this IServiceCollection services)
    {
        services.AddScoped<TeacherImporter>();
        services.AddScoped<OrganizationImporter>();
        services.AddScoped<DiagnosticResultImporter>();
        services.AddScoped<CourseImporter>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportJobs>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
