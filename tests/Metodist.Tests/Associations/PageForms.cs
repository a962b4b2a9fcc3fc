using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Associations;

/// <summary>Signed-in browser sessions by login, and the forms of a page found by their handler, posted as a browser posts them.</summary>
public sealed class PageForms(TestApp app)
{
    private readonly Dictionary<string, BrowserSession> _sessions = [];

    public async Task<BrowserSession> SessionAsync(string login)
    {
        if (!_sessions.TryGetValue(login, out var session)) _sessions[login] = session = await BrowserSession.SignedInAsync(app, login);
        return session;
    }

    /// <summary>The first form posting to the handler, or holding an element the selector finds.</summary>
    public static IHtmlFormElement Form(IHtmlDocument page, string handlerOrSelector) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x =>
            (x.GetAttribute("action") ?? "").Contains("handler=" + handlerOrSelector, StringComparison.Ordinal)
            || (!handlerOrSelector.All(char.IsLetter) && x.QuerySelector(handlerOrSelector) is not null));

    /// <summary>Submits the form to its action (or to <paramref name="url"/> when it has none) with fields changed or, when repeated, added.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(BrowserSession session, string url, IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var fields = BrowserSession.FormFields(form);
        // A name given once replaces the form's value; a name given several times (checkboxes) sends every value given.
        foreach (var group in changes.GroupBy(c => c.Name))
        {
            if (group.Count() == 1 && group.Key != "personIds") BrowserSession.Set(fields, group.Key, group.First().Value);
            else
            {
                fields.RemoveAll(x => x.Key == group.Key);
                fields.AddRange(group.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
            }
        }
        return await session.Client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts the fields with the page's antiforgery token, as a forged or hand-made request would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string url, IHtmlDocument page, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(x => new KeyValuePair<string, string>(x.Name, x.Value)).Append(new("__RequestVerificationToken", BrowserSession.AntiforgeryToken(page)));
        return await session.Client.PostAsync(url, new FormUrlEncodedContent(all));
    }
}
