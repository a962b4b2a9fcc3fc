using System.Net;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Accounts;

/// <summary>A token or cookie stops working as soon as its account changes password or is locked.</summary>
public sealed class StaleCredentialsTests
{
    [Fact]
    public async Task TokenStopsWorkingAfterThePasswordIsChanged()
    {
        await using var app = await TestApp.StartAsync();
        var data = await TestData.CreateAsync(app);
        var login = await data.AddUserAsync("north-mmc", null, (AppRole.MunicipalMethodist, data.North.Id));
        using var client = await app.ApiClientAsync(login, TestData.Password);
        (await client.GetAsync("/api/teachers")).StatusCode.Should().Be(HttpStatusCode.OK);

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(login))!;
            (await users.ChangePasswordAsync(user, TestData.Password, "Another-Password-2027")).Succeeded.Should().BeTrue();
        }

        (await client.GetAsync("/api/teachers")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var fresh = await app.ApiClientAsync(login, "Another-Password-2027");
        (await fresh.GetAsync("/api/teachers")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenAndCookieStopWorkingWhileTheAccountIsLocked()
    {
        await using var app = await TestApp.StartAsync();
        var data = await TestData.CreateAsync(app);
        var login = await data.AddUserAsync("north-mmc", null, (AppRole.MunicipalMethodist, data.North.Id));
        using var client = await app.ApiClientAsync(login, TestData.Password);
        using var session = await BrowserSession.SignedInAsync(app, login);

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(login))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        (await client.GetAsync("/api/teachers")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await session.Client.GetAsync("/Registry/Teachers");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Contain("/Accounts/Login");
    }
}
