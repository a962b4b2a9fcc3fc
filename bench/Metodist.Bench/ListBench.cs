using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Metodist.Web.Features.Demo;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Bench;

/// <summary>
/// Seeds a region of N teachers, serves it over HTTP on loopback, and times the teacher list with a
/// search and a filter as the region administrator and as a municipal methodist.
/// </summary>
internal static class ListBench
{
    private const string Password = "Bench-Password-2026";

    public static async Task RunAsync(DatabaseProvider provider, string? pgServer, int teachers, int repeats)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, pgServer, "list");
        await using var app = database.BuildApp("http://127.0.0.1:0");
        await BenchDatabase.MigrateAsync(app);
        var seed = await DemoRegion.SeedAsync(app.Services, teachers, Password);
        Console.WriteLine($"Список педагогов, {provider}: {seed.Persons:N0} педагогов, заполнено за {seed.Elapsed.TotalSeconds:F1} с");

        Guid municipality, subject, organization;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            municipality = await db.Employments.GroupBy(e => e.MunicipalityId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            subject = await db.Subjects.Where(s => s.Name == "Математика").Select(s => s.Id).FirstAsync();
            organization = await db.Employments.Where(e => e.MunicipalityId == municipality).GroupBy(e => e.OrganizationId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var admin = await ClientAsync(address, DemoRegion.AdminLogin);
        using var methodist = await ClientAsync(address, "mmc");

        (string Name, HttpClient Client, string Url)[] cases =
        [
            ("администратор: «иван» + высшая категория", admin, "/api/teachers?search=иван&category=Highest&page=1&pageSize=50"),
            ("администратор: «кузнецова» + муниципалитет", admin, $"/api/teachers?search=кузнецова&municipalityId={municipality}&page=1&pageSize=50"),
            ("администратор: «смирн» + предмет математика", admin, $"/api/teachers?search=смирн&subjectId={subject}&page=1&pageSize=50"),
            ("администратор: «сем» + молодые педагоги", admin, "/api/teachers?search=сем&young=true&page=1&pageSize=50"),
            ("администратор: «ник» + организация", admin, $"/api/teachers?search=ник&organizationId={organization}&page=1&pageSize=50"),
            ("методист ММС: «петр» + аттестация 6 мес.", methodist, "/api/teachers?search=петр&attestationWithinMonths=6&page=1&pageSize=50"),
            ("методист ММС: «ева» + первая категория", methodist, "/api/teachers?search=ева&category=First&page=2&pageSize=50"),
        ];
        // Not a real search: a fragment found in more than half of all names, to show the worst case.
        (string Name, HttpClient Client, string Url)[] stress =
        [
            ("нагрузка: «ова» (55 % имён) + математика, стр. 3", admin, $"/api/teachers?search=ова&subjectId={subject}&page=3&pageSize=50"),
        ];

        var all = new List<double>();
        Console.WriteLine($"{"запрос",-48} {"найдено",8} {"медиана",9} {"p95",9} {"макс.",9}");
        async Task<(int Total, List<double> Times)> MeasureAsync(HttpClient client, string url)
        {
            var total = 0;
            for (var i = 0; i < 3; i++) total = await FetchAsync(client, url);
            var times = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                var sw = Stopwatch.StartNew();
                await FetchAsync(client, url);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            return (total, times);
        }

        void Print(string name, int? total, List<double> times) =>
            Console.WriteLine($"{name,-48} {total?.ToString("N0"),8} {Percentile(times, 0.5),7:F1}мс {Percentile(times, 0.95),7:F1}мс {times.Max(),7:F1}мс");

        foreach (var (name, client, url) in cases)
        {
            var (total, times) = await MeasureAsync(client, url);
            all.AddRange(times);
            Print(name, total, times);
        }
        Print("все запросы", null, all);
        foreach (var (name, client, url) in stress)
        {
            var (total, times) = await MeasureAsync(client, url);
            Print(name, total, times);
        }
        await app.StopAsync();
    }

    private static async Task<HttpClient> ClientAsync(string address, string login)
    {
        var client = new HttpClient { BaseAddress = new Uri(address) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<int> FetchAsync(HttpClient client, string url)
    {
        var body = await client.GetFromJsonAsync<PageBody>(url);
        return body!.Total;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private sealed record TokenBody(string Token);

    private sealed record PageBody(int Total);
}
