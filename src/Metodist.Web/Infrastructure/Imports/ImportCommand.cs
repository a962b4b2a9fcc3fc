using System.CommandLine;
using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// <c>import teachers|organizations|diagnostic-results|courses FILE [--valid-only] [--dry-run]</c>: the
/// same importers as the web, run in this process for administrators with access to the server.
/// </summary>
public static class ImportCommand
{
    public const int ExitSucceeded = 0;
    public const int ExitFailed = 1;
    public const int ExitNoFile = 2;

    /// <summary>How many errors the report prints; the rest are counted.</summary>
    public const int ErrorsShown = 30;

    public static Command Create()
    {
        var command = new Command("import", "Загрузить педагогов, организации, результаты диагностики или каталог курсов из файла XLSX или CSV");
        foreach (var kind in ImportKinds.All) command.Subcommands.Add(KindCommand(kind.Name, kind.Description, kind.Kind));
        return command;
    }

    private static Command KindCommand(string name, string description, ImportKind kind)
    {
        var file = new Argument<FileInfo>("file") { Description = "Файл XLSX или CSV (UTF-8 или windows-1251, разделитель «;» или «,»)" };
        var validOnly = new Option<bool>("--valid-only") { Description = "Сохранить строки без ошибок, даже если в других строках есть ошибки" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Только проверить файл и ничего не сохранять" };
        var command = new Command(name, description);
        command.Arguments.Add(file);
        command.Options.Add(validOnly);
        command.Options.Add(dryRun);
        command.SetAction(async (parseResult, ct) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Файл не найден: {path.FullName}");
                return ExitNoFile;
            }
            await using var app = Cli.BuildServices();
            await Startup.MigrateAsync(app.Services, ct);
            return await RunAsync(app.Services, kind, path, parseResult.GetValue(validOnly), parseResult.GetValue(dryRun), Console.Out, ct);
        });
        return command;
    }

    /// <summary>Imports a file in this process and writes a report in Russian; returns the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, ImportKind kind, FileInfo file, bool validOnly, bool dryRun, TextWriter output,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        if (!file.Exists)
        {
            await output.WriteLineAsync($"Файл не найден: {file.FullName}");
            return ExitNoFile;
        }
        var job = new ImportJob
        {
            Kind = kind,
            DryRun = dryRun,
            ValidOnly = validOnly,
            FileName = file.Name,
            Content = await File.ReadAllBytesAsync(file.FullName, ct),
            UserName = $"командная строка ({Environment.UserName})",
        };
        await output.WriteLineAsync($"{(dryRun ? "Проверка" : "Загрузка")}: {ImportKinds.Of(kind).Title.ToLowerInvariant()} из «{file.Name}»…");

        await using var scope = services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var lastReport = DateTime.UtcNow;
        var outcome = await runner.RunAsync(job, async (progress, token) =>
        {
            if (DateTime.UtcNow - lastReport < TimeSpan.FromSeconds(2)) return;
            lastReport = DateTime.UtcNow;
            await output.WriteLineAsync(progress.Total == 0
                ? $"  прочитано строк: {Format.Number(progress.Processed)}"
                : $"  обработано строк: {Format.Number(progress.Processed)} из {Format.Number(progress.Total)}");
        }, ct);

        await WriteReportAsync(outcome, output);
        return outcome.Succeeded ? ExitSucceeded : ExitFailed;
    }

    public static async Task WriteReportAsync(ImportOutcome outcome, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(outcome.Succeeded ? "Готово." : "Не выполнено.");
        if (outcome.Message is not null) await output.WriteLineAsync(outcome.Message);
        await output.WriteLineAsync(
            $"Строк в файле: {Format.Number(outcome.Total)}; сохранено: {Format.Number(outcome.Imported)}; " +
            $"добавлено: {Format.Number(outcome.Created)}; обновлено: {Format.Number(outcome.Updated)}; строк с ошибками: {Format.Number(outcome.BadRows)}.");
        if (outcome.ErrorCount == 0) return;
        await output.WriteLineAsync(outcome.ErrorCount > ErrorsShown
            ? $"Ошибки (первые {ErrorsShown} из {Format.Number(outcome.ErrorCount)}):"
            : "Ошибки:");
        foreach (var error in outcome.Errors.Take(ErrorsShown))
        {
            var column = string.IsNullOrEmpty(error.Column) ? "" : $", столбец «{error.Column}»";
            await output.WriteLineAsync($"  строка {error.Row}{column}: {error.Message}");
        }
    }
}
