using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Metodist.Tests.Infrastructure;

/// <summary>
/// A client that behaves like a browser without JavaScript: keeps cookies, follows no redirects
/// (tests assert on them), and signs in through the login form with its antiforgery token.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private BrowserSession(HttpClient client, CookieContainer cookies)
    {
        Client = client;
        Cookies = cookies;
    }

    public HttpClient Client { get; }
    public CookieContainer Cookies { get; }

    public static BrowserSession Open(TestApp app)
    {
        var cookies = new CookieContainer();
        var handler = new CookieContainerHandler(cookies) { InnerHandler = app.App.GetTestServer().CreateHandler() };
        var client = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
        return new BrowserSession(client, cookies);
    }

    public static async Task<BrowserSession> SignedInAsync(TestApp app, string login, string password = TestData.Password)
    {
        var session = Open(app);
        var response = await session.SignInAsync(login, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {login} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Fills in the login form as a person would; returns the answer to the POST (a redirect on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password, string? returnUrl = null)
    {
        var form = await Client.GetAsync("/Accounts/Login");
        form.EnsureSuccessStatusCode();
        var token = AntiforgeryToken(await ParseAsync(form));
        var fields = new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return await Client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(fields));
    }

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>The fields a browser would submit with the form, in document order (the submit buttons aside).</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "submit" or "button" or "reset" or "file" or "image") break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    fields.Add(new(input.Name, input.Type is "checkbox" or "radio" && string.IsNullOrEmpty(input.GetAttribute("value")) ? "on" : input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0) selected.Add(select.Options[0]!);
                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Replaces (or adds) the value of a field in a list of form fields.</summary>
    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        if (index < 0) fields.Add(new(name, value));
        else fields[index] = new(name, value);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static string AntiforgeryToken(IHtmlDocument page) =>
        (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("The page has no antiforgery token: " + page.Title);

    public void Dispose() => Client.Dispose();
}
