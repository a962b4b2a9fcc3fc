using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Registry;

/// <summary>The name search index follows every change of a name: new people, renamed people, removed people.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task SearchFollowsNewRenamedAndRemovedPeople()
    {
        await using var app = await TestApp.StartAsync();
        var data = await TestData.CreateAsync(app);
        var admin = await data.AddAdminAsync();
        using var client = await app.ApiClientAsync(admin, TestData.Password);
        var person = await data.AddTeacherAsync(data.NorthSchool, "Белозёрова", "Ольга", "Игоревна");
        var other = await data.AddTeacherAsync(data.SouthSchool, "Черноусова", "Анна", "Павловна");

        (await SurnamesAsync(client, "белозер")).Should().Equal("Белозёрова");
        (await SurnamesAsync(client, "ольга белоз")).Should().Equal("Белозёрова");

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tracked = await db.Persons.SingleAsync(p => p.Id == person.Id);
            tracked.LastName = "Краснопёрова";
            db.Persons.Remove(await db.Persons.SingleAsync(p => p.Id == other.Id));
            await db.SaveChangesAsync();
        }

        (await SurnamesAsync(client, "белозер")).Should().BeEmpty();
        (await SurnamesAsync(client, "краснопер")).Should().Equal("Краснопёрова");
        (await SurnamesAsync(client, "черноус")).Should().BeEmpty();
    }

    [Fact]
    public async Task ShortTermsAndQuotesInASearchAreMatchedLiterally()
    {
        await using var app = await TestApp.StartAsync();
        var data = await TestData.CreateAsync(app);
        var admin = await data.AddAdminAsync();
        using var client = await app.ApiClientAsync(admin, TestData.Password);
        await data.AddTeacherAsync(data.NorthSchool, "Ли", "Ян", null);
        await data.AddTeacherAsync(data.NorthSchool, "Петрова", "Ян", null);

        (await SurnamesAsync(client, "ли ян")).Should().Equal("Ли");
        (await SurnamesAsync(client, "петр\"ова")).Should().BeEmpty();
        (await SurnamesAsync(client, "ян")).Should().BeEquivalentTo("Ли", "Петрова");
    }

    private static async Task<List<string>> SurnamesAsync(HttpClient client, string search)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/teachers?search={Uri.EscapeDataString(search)}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lastName").GetString()!).ToList();
    }
}
