using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Registry;

/// <summary>The organization list sorts by name and by the number of teachers, both ways.</summary>
public sealed class OrganizationListPageTests
{
    [Fact]
    public async Task OrganizationListSortsByTeacherCountAndByName()
    {
        await using var app = await TestApp.StartAsync();
        var data = await TestData.CreateAsync(app);
        await data.AddTeacherAsync(data.SouthSchool, "Южина");
        await data.AddTeacherAsync(data.SouthSchool, "Южакова");
        await data.AddTeacherAsync(data.NorthSchool, "Северова");
        using var session = await BrowserSession.SignedInAsync(app, await data.AddAdminAsync());

        async Task<List<string>> NamesAsync(string query)
        {
            var page = await session.GetPageAsync("/Registry/Organizations" + query);
            return page.QuerySelectorAll("table.list tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        }

        (await NamesAsync("?sort=teachers&desc=true")).Should().Equal(data.SouthSchool.ShortName, data.NorthSchool.ShortName);
        (await NamesAsync("?sort=teachers")).Should().Equal(data.NorthSchool.ShortName, data.SouthSchool.ShortName);
        (await NamesAsync("?sort=name&desc=true")).Should().Equal(data.SouthSchool.ShortName, data.NorthSchool.ShortName);
        (await NamesAsync("?sort=name")).Should().Equal(data.NorthSchool.ShortName, data.SouthSchool.ShortName);
    }
}
