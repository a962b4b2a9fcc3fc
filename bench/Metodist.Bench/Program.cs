using Metodist.Bench;
using Metodist.Web.Infrastructure.Data;

// dotnet run -c Release --project bench/Metodist.Bench -- import [--teachers 100000]
// dotnet run -c Release --project bench/Metodist.Bench -- list --provider Sqlite|Postgres [--pg "Host=…"] [--teachers 100000] [--repeats 30]
// dotnet run -c Release --project bench/Metodist.Bench -- results --provider Sqlite|Postgres [--pg "Host=…"] [--teachers 100000]
// dotnet run -c Release --project bench/Metodist.Bench -- drafts --provider Sqlite|Postgres [--pg "Host=…"] [--teachers 100000]
// bench/run.sh runs them all, with a throwaway PostgreSQL cluster.
var command = args.FirstOrDefault() ?? "";
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var teachers = int.Parse(Arg("--teachers") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);

switch (command)
{
    case "import":
        await ImportBench.RunAsync(teachers);
        return 0;
    case "list":
        var provider = Enum.Parse<DatabaseProvider>(Arg("--provider") ?? "Sqlite", ignoreCase: true);
        var repeats = int.Parse(Arg("--repeats") ?? "30", System.Globalization.CultureInfo.InvariantCulture);
        await ListBench.RunAsync(provider, Arg("--pg"), teachers, repeats);
        return 0;
    case "results":
        await ResultImportBench.RunAsync(Enum.Parse<DatabaseProvider>(Arg("--provider") ?? "Sqlite", ignoreCase: true), Arg("--pg"), teachers);
        return 0;
    case "drafts":
        await DraftBench.RunAsync(Enum.Parse<DatabaseProvider>(Arg("--provider") ?? "Sqlite", ignoreCase: true), Arg("--pg"), teachers);
        return 0;
    default:
        Console.Error.WriteLine(
            "Использование: import [--teachers N] | list --provider Sqlite|Postgres [--pg СТРОКА] [--teachers N] [--repeats N] | " +
            "results|drafts --provider Sqlite|Postgres [--pg СТРОКА] [--teachers N]");
        return 2;
}
