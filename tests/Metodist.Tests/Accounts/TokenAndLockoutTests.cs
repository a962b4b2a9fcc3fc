using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Accounts;

/// <summary>POST /api/auth/token, bearer tokens on the API, and the lockout after five wrong passwords.</summary>
public sealed class TokenAndLockoutTests(RegionFixture fixture) : IClassFixture<RegionFixture>
{
    [Fact]
    public async Task RightPasswordGivesATokenThatWorksAsBearerOnTheApi()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("bearer"));
        using var client = fixture.App.Anonymous();
        var token = await TokenAsync(client, login, TestData.Password);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/teachers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginIsNotCaseSensitiveAndMayCarrySpaces()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("case"));
        using var client = fixture.App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login = "  " + login.ToUpperInvariant() + " ", password = TestData.Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithARussianProblemDetails()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("wrong"));
        using var client = fixture.App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password = "Wrong-Password-1" });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(401);
        problem.GetProperty("title").GetString().Should().Be("Вход не выполнен");
        problem.GetProperty("detail").GetString().Should().Be("Неверный логин или пароль.");
    }

    [Fact]
    public async Task UnknownLoginIsRefusedExactlyLikeAWrongPassword()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("known"));
        using var client = fixture.App.Anonymous();
        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { login, password = "Wrong-Password-1" });
        var unknownLogin = await client.PostAsJsonAsync("/api/auth/token", new { login = "nobody-" + login, password = "Wrong-Password-1" });
        unknownLogin.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        WithoutTraceId(await unknownLogin.Content.ReadFromJsonAsync<JsonElement>()).Should()
            .Equal(WithoutTraceId(await wrongPassword.Content.ReadFromJsonAsync<JsonElement>()), "the answer must not tell which logins exist");
    }

    [Theory]
    [InlineData("""{"login":"","password":""}""")]
    [InlineData("""{"login":"someone"}""")]
    [InlineData("""{}""")]
    public async Task EmptyCredentialsAreRefusedWithoutAServerError(string body)
    {
        using var client = fixture.App.Anonymous();
        var response = await client.PostAsync("/api/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        ((int)response.StatusCode).Should().BeOneOf(400, 401);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightPasswordIsRefused()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("lockout"));
        using var client = fixture.App.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { login, password = $"Wrong-Password-{attempt}" });
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { login, password = TestData.Password });
        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Учётная запись заблокирована");
        problem.TryGetProperty("token", out _).Should().BeFalse();
    }

    [Fact]
    public async Task FourWrongPasswordsDoNotLockAndASuccessfulSignInStartsTheCountAgain()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("four"));
        using var client = fixture.App.Anonymous();
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
                (await client.PostAsJsonAsync("/api/auth/token", new { login, password = "Wrong-Password-1" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await client.PostAsJsonAsync("/api/auth/token", new { login, password = TestData.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ApiWithoutATokenAnswers401WithProblemDetailsNotARedirect()
    {
        using var client = fixture.App.Anonymous();
        var response = await client.GetAsync("/api/teachers");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Требуется вход");
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWRtaW46cGFzc3dvcmQ=")]
    public async Task ApiWithAForgedOrForeignAuthorizationAnswers401(string authorization)
    {
        using var client = fixture.App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/teachers");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task TokenWithAChangedCharacterIsRefused()
    {
        var login = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("tamper"));
        using var client = fixture.App.Anonymous();
        var token = await TokenAsync(client, login, TestData.Password);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/teachers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PageWithoutSignInRedirectsToTheLoginPage()
    {
        using var client = fixture.App.Anonymous();
        var response = await client.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Accounts/Login");
    }

    private static Dictionary<string, string> WithoutTraceId(JsonElement problem) =>
        problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value.GetRawText());

    private static async Task<string> TokenAsync(HttpClient client, string login, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
