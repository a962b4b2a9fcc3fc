using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Registry;
using Metodist.Web.Features.Accounts;

namespace Metodist.Tests.Accounts;

/// <summary>An administrator of one region lists and opens only the accounts of that region.</summary>
public sealed class AccountVisibilityTests(ScopeFixture fixture) : IClassFixture<ScopeFixture>
{
    [Fact]
    public async Task RegionAdministratorDoesNotSeeAccountsOfAnotherRegion()
    {
        var foreignLogin = await fixture.Data.AddUserAsync("other-region-methodist", null, (AppRole.MunicipalMethodist, fixture.OtherMunicipality.Id));
        using var client = await fixture.ClientAsync(fixture.Logins[AppRole.RegionAdmin]);

        var users = await client.GetFromJsonAsync<JsonElement>("/api/users");
        var logins = users.EnumerateArray().Select(u => u.GetProperty("login").GetString()).ToList();

        logins.Should().Contain(fixture.Logins[AppRole.MunicipalMethodist]).And.Contain(fixture.Logins[AppRole.Teacher]);
        logins.Should().NotContain(foreignLogin);
    }

    [Fact]
    public async Task RegionAdministratorGetsNotFoundForTheCardOfAForeignAccount()
    {
        var foreignLogin = await fixture.Data.AddUserAsync("other-region-admin", null, (AppRole.RegionAdmin, fixture.OtherRegion.Id));
        Guid foreignId;
        await using (var scope = fixture.App.Scope())
        {
            var users = scope.ServiceProvider.GetService(typeof(Microsoft.AspNetCore.Identity.UserManager<AppUser>)) as Microsoft.AspNetCore.Identity.UserManager<AppUser>;
            foreignId = (await users!.FindByNameAsync(foreignLogin))!.Id;
        }
        var session = await fixture.SessionAsync(fixture.Logins[AppRole.RegionAdmin]);

        var response = await session.Client.GetAsync($"/Admin/Users/Details/{foreignId}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
