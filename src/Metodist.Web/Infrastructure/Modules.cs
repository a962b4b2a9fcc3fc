using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;

namespace Metodist.Web.Infrastructure;

/// <summary>Where each module registers its services and maps its API.</summary>
public static class Modules
{
    public static IServiceCollection AddMetodistModules(this IServiceCollection services)
    {
        services.AddScoped<UserAccounts>();
        services.AddScoped<Features.Admin.Users.ScopeChoices>();
        services.AddScoped<Features.Registry.Teachers.TeacherEditor>();
        Imports.ImportsSetup.AddMetodistImports(services);
        Features.Diagnostics.DiagnosticsModule.AddDiagnostics(services);
        Features.Courses.CoursesModule.AddCourses(services);
        Features.Routes.RoutesModule.AddRoutes(services);
        services.AddScoped<Features.Settings.RegionSettings>();
        services.AddScoped<Features.Notifications.Notifier>();
        Features.Mentoring.MentoringModule.AddMentoring(services);
        Features.Mentoring.Adaptation.AdaptationModule.AddAdaptation(services);
        Features.Asset.AssetModule.AddAsset(services);
        Features.Consultations.ConsultationsModule.AddConsultations(services);
        Features.Associations.AssociationsModule.AddAssociations(services);
        return services;
    }

    public static void MapMetodistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapAccountsApi();
        api.MapRegistryApi();
        Features.Imports.ImportsApi.MapImportsApi(api);
        Features.Diagnostics.DiagnosticsModule.MapDiagnosticsApi(api);
        Features.Courses.CoursesModule.MapCoursesApi(api);
        Features.Routes.RoutesModule.MapRoutesApi(api);
        Features.Mentoring.MentoringModule.MapMentoringApi(api);
        Features.Mentoring.Adaptation.AdaptationModule.MapAdaptationApi(api);
        Features.Asset.AssetModule.MapAssetApi(api);
        Features.Consultations.ConsultationsModule.MapConsultationsApi(api);
        Features.Associations.AssociationsModule.MapAssociationsApi(api);
        Features.Public.PublicEndpoints.MapPublicEndpoints(app);
    }
}
