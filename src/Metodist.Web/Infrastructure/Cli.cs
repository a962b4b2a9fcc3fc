using System.CommandLine;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Infrastructure;

/// <summary>Administrative commands of the app: <c>migrate</c>, <c>seed</c>, <c>import</c>.</summary>
public static class Cli
{
    private static readonly string[] Names = ["migrate", "seed", "import", "routes"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Metodist — информационная система научно-методического сопровождения педагогов");
        root.Subcommands.Add(MigrateCommand());
        foreach (var command in ModuleCommands()) root.Subcommands.Add(command);
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Builds the app's services without serving the web, for a command to use.</summary>
    public static WebApplication BuildServices() => MetodistApp.Build([]);

    private static IEnumerable<Command> ModuleCommands()
    {
        yield return Features.Demo.SeedCommand.Create();
        yield return Imports.ImportCommand.Create();
        yield return Features.Routes.RouteCommand.Create();
        yield break;
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Применить миграции базы данных");
        command.SetAction(async (_, ct) =>
        {
            await using var app = BuildServices();
            await Startup.MigrateAsync(app.Services, ct);
            var info = app.Services.GetRequiredService<DatabaseInfo>();
            Console.WriteLine($"Миграции применены ({info.Provider}).");
            return 0;
        });
        return command;
    }
}
