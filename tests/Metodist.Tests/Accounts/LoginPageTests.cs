using System.Net;
using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Accounts;

/// <summary>The sign-in form: cookie, errors in Russian, lockout, antiforgery, local return addresses only, sign-out.</summary>
public sealed class LoginPageTests(RegionFixture fixture) : IClassFixture<RegionFixture>
{
    [Fact]
    public async Task RightPasswordSignsInAndOpensTheStartPage()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("page"));
        using var browser = BrowserSession.Open(fixture.App);
        var response = await browser.SignInAsync(login, TestData.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        browser.Cookies.GetCookies(new Uri("http://localhost/")).Select(c => c.Name).Should().Contain("metodist.auth");
        (await browser.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInReturnsToTheRequestedLocalPage()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("return"));
        using var browser = BrowserSession.Open(fixture.App);
        var response = await browser.SignInAsync(login, TestData.Password, "/Registry/Teachers?search=x");
        response.Headers.Location!.OriginalString.Should().Be("/Registry/Teachers?search=x");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignInNeverReturnsToAnotherSite(string returnUrl)
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("open"));
        using var browser = BrowserSession.Open(fixture.App);
        var response = await browser.SignInAsync(login, TestData.Password, returnUrl);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task WrongPasswordShowsTheFormAgainWithARussianError()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("wrongpage"));
        using var browser = BrowserSession.Open(fixture.App);
        var response = await browser.SignInAsync(login, "Wrong-Password-1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await BrowserSession.ParseAsync(response);
        page.QuerySelector("[role=alert]")!.TextContent.Trim().Should().Be("Неверный логин или пароль.");
        browser.Cookies.GetCookies(new Uri("http://localhost/")).Select(c => c.Name).Should().NotContain("metodist.auth");
    }

    [Fact]
    public async Task FiveWrongPasswordsOnTheFormLockTheAccountForTheApiToo()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("lockpage"));
        using var browser = BrowserSession.Open(fixture.App);
        for (var attempt = 0; attempt < 5; attempt++) await browser.SignInAsync(login, "Wrong-Password-1");

        var right = await browser.SignInAsync(login, TestData.Password);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(right)).QuerySelector("[role=alert]")!.TextContent.Should().Contain("заблокирована");

        using var api = fixture.App.Anonymous();
        var token = await api.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { login, password = TestData.Password }));
        token.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryTokenIsRefused()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("csrf"));
        using var browser = BrowserSession.Open(fixture.App);
        var response = await browser.Client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = TestData.Password,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        browser.Cookies.GetCookies(new Uri("http://localhost/")).Select(c => c.Name).Should().NotContain("metodist.auth");
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("logout"));
        using var browser = await BrowserSession.SignedInAsync(fixture.App, login);
        var page = await browser.GetPageAsync("/Registry/Teachers");
        var logout = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.GetAttribute("action") == "/Accounts/Logout");
        var response = await browser.Client.PostAsync("/Accounts/Logout", new FormUrlEncodedContent(BrowserSession.FormFields(logout)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the «Выйти» button of every page must work");
        var after = await browser.Client.GetAsync("/Registry/Teachers");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/Accounts/Login");
    }

    [Fact]
    public async Task SignInCookieAlsoOpensTheApi()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("cookieapi"));
        using var browser = await BrowserSession.SignedInAsync(fixture.App, login);
        (await browser.Client.GetAsync("/api/teachers")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
