using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Metodist.Tests.Infrastructure;

/// <summary>
/// Bearer clients whose tokens are kept for the life of a fixture: hashing the password on every sign-in is the slow
/// part of an API test. Not for tests of sign-in itself.
/// </summary>
public sealed class ApiTokens(TestApp app)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public async Task<HttpClient> ClientAsync(string login, string password = TestData.Password)
    {
        if (!_tokens.TryGetValue(login, out var token))
        {
            using var signIn = await app.ApiClientAsync(login, password);
            token = _tokens.GetOrAdd(login, signIn.DefaultRequestHeaders.Authorization!.Parameter!);
        }
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
