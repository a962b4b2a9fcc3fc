using System.CommandLine;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Demo;

/// <summary><c>seed --teachers N</c>: a demo region of any size in an empty database, for benchmarks and demonstrations.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var teachers = new Option<int>("--teachers")
        {
            Description = $"Сколько педагогов создать (от {DemoRegion.MinTeachers} до {DemoRegion.MaxTeachers}); организаций становится больше пропорционально",
            DefaultValueFactory = _ => DemoRegion.DefaultTeachers,
        };
        var command = new Command("seed", "Создать демонстрационный регион (Архангельская область) с учётными записями для каждой роли в пустой базе данных");
        command.Options.Add(teachers);
        command.SetAction(async (parseResult, ct) =>
        {
            var count = parseResult.GetValue(teachers);
            if (count is < DemoRegion.MinTeachers or > DemoRegion.MaxTeachers)
            {
                await Console.Error.WriteLineAsync(
                    $"Число педагогов должно быть от {DemoRegion.MinTeachers.ToString("N0", MetodistApp.Russian)} до {DemoRegion.MaxTeachers.ToString("N0", MetodistApp.Russian)}.");
                return 2;
            }

            await using var app = Cli.BuildServices();
            await Startup.MigrateAsync(app.Services, ct);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (await db.Regions.AnyAsync(ct))
                {
                    await Console.Error.WriteLineAsync(
                        "В базе данных уже есть регион, а демонстрационный регион создаётся только в пустой базе. "
                        + "Удалите файл data/metodist.db или укажите новую базу в ConnectionStrings__Default и повторите команду.");
                    return 1;
                }
            }

            var configured = app.Configuration["Demo:AdminPassword"];
            var password = string.IsNullOrWhiteSpace(configured) ? DemoRegion.GeneratePassword() : configured;
            var info = app.Services.GetRequiredService<DatabaseInfo>();
            Console.WriteLine($"Создаю демонстрационный регион на {count.ToString("N0", MetodistApp.Russian)} педагогов ({info.Provider})…");
            var result = await DemoRegion.SeedAsync(app.Services, count, password, ct: ct);

            string N(int value) => value.ToString("N0", MetodistApp.Russian);
            Console.WriteLine($"Готово за {result.Elapsed.TotalSeconds.ToString("0.0", MetodistApp.Russian)} с:");
            Console.WriteLine($"  межмуниципальных округов — {N(result.Districts)}");
            Console.WriteLine($"  муниципалитетов — {N(result.Municipalities)}");
            Console.WriteLine($"  организаций — {N(result.Organizations)}");
            Console.WriteLine($"  педагогов — {N(result.Persons)}");
            Console.WriteLine($"  мест работы — {N(result.Employments)}");
            Console.WriteLine($"  результатов диагностики — {N(result.Results)}");
            Console.WriteLine($"  программ повышения квалификации — {N(result.Courses)}, записей на них — {N(result.Enrolments)}");
            Console.WriteLine($"  индивидуальных образовательных маршрутов — {N(result.Routes)}");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                Console.WriteLine("Учётные записи (логин — роль):");
                foreach (var line in await DemoRegion.DescribeAccountsAsync(db, ct)) Console.WriteLine("  " + line);
            }
            Console.WriteLine(string.IsNullOrWhiteSpace(configured)
                ? $"Пароль всех учётных записей: {password}"
                : "Пароль всех учётных записей — значение переменной окружения Demo__AdminPassword.");
            return 0;
        });
        return command;
    }
}
