using System.CommandLine;
using Metodist.Web.Infrastructure;

namespace Metodist.Web.Features.Routes;

/// <summary>`routes draft-all`: drafts a route for every teacher with a deficit and no open route.</summary>
public static class RouteCommand
{
    public static Command Create()
    {
        var draftAll = new Command("draft-all", "Составить черновики ИОМ для всех педагогов с дефицитами, у которых нет маршрута в работе");
        draftAll.SetAction(async (_, ct) =>
        {
            await using var app = Cli.BuildServices();
            await Startup.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var batch = scope.ServiceProvider.GetRequiredService<RouteBatch>();
            var outcome = await batch.DraftAllAsync("система", ct);
            var perRoute = outcome.Routes == 0 ? 0 : outcome.Elapsed.TotalMilliseconds / outcome.Routes;
            Console.WriteLine($"Составлено черновиков: {outcome.Routes} ({outcome.Items} пунктов) за {outcome.Elapsed.TotalSeconds:0.0} с, {perRoute:0.###} мс на маршрут.");
            return 0;
        });
        var routes = new Command("routes", "Индивидуальные образовательные маршруты");
        routes.Subcommands.Add(draftAll);
        return routes;
    }
}
