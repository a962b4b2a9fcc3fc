using System.Globalization;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Localization;

namespace Metodist.Web;

public static class MetodistApp
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static async Task<int> RunAsync(string[] args)
    {
        if (Cli.IsCommand(args)) return await Cli.RunAsync(args);
        var app = Build(args);
        var demo = await Startup.PrepareAsync(app.Services, app.Configuration, app.Logger);
        app.Lifetime.ApplicationStarted.Register(() => Startup.PrintBanner(app.Urls, demo));
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name decides where Razor Pages are discovered; when a test host or a tool builds the app,
        // the entry assembly is theirs, and without this every page would be missing.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(MetodistApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        var services = builder.Services;

        var regionZone = RegionTimeProvider.ZoneFrom(builder.Configuration);
        Infrastructure.Web.Format.TimeZone = regionZone;
        services.AddSingleton<TimeProvider>(new RegionTimeProvider(regionZone));
        services.AddHttpContextAccessor();
        services.AddMetodistDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddScoped(sp => AuditActor.OfRequest(sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddMetodistAuth();
        services.AddScoped<TeacherList>();
        services.AddMetodistModules();

        // Russian text as it is, not as &#x...; entities: pages are a third smaller and readable in the source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Accounts/Login");
            o.Conventions.AllowAnonymousToPage("/Accounts/Denied");
            o.Conventions.AllowAnonymousToPage("/Errors/Status");
            o.Conventions.AuthorizeFolder("/Admin", AuthSetup.RegionAdminPolicy);
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Translate);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Russian);
            o.SupportedCultures = [Russian];
            o.SupportedUICultures = [Russian];
        });

        var app = builder.Build();
        // The API answers errors with ProblemDetails; people in a browser get a page in the site's layout.
        static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
            api.UseEmptyQueryValuesAsAbsent();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            pages.UseExceptionHandler("/Errors/500");
            pages.UseStatusCodePagesWithReExecute("/Errors/{0}");
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Metodist API");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Metodist — API";
        });
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapMetodistApi();
        return app;
    }
}
