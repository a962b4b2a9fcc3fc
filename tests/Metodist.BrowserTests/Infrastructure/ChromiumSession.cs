using Microsoft.Playwright;

namespace Metodist.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright against a running app: headless, offline, a fresh profile per session,
/// 30-second timeouts. Records every server error and every broken page resource so a journey can assert there were none.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const float Timeout = 60_000;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;
    private readonly List<string> _problems = [];

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, IPage page, string profile)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Server errors, broken resources (styles, scripts) and script errors seen so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems) return [.. _problems];
        }
    }

    public static async Task<ChromiumSession> OpenAsync(Uri baseAddress)
    {
        Assertions.SetDefaultExpectTimeout(Timeout);
        var profile = Path.Combine(Path.GetTempPath(), "metodist-chromium-" + Guid.NewGuid().ToString("N"));
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = Timeout,
                BaseURL = baseAddress.ToString(),
                Locale = "ru-RU",
                TimezoneId = "Europe/Moscow",
                ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
                AcceptDownloads = true,
            });
            context.SetDefaultTimeout(Timeout);
            context.SetDefaultNavigationTimeout(Timeout);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            var session = new ChromiumSession(playwright, context, page, profile);
            context.Response += (_, response) => session.Inspect(response);
            page.PageError += (_, error) => session.Report("script error: " + error);
            return session;
        }
        catch
        {
            playwright.Dispose();
            DeleteProfile(profile);
            throw;
        }
    }

    /// <summary>Opens the login page and signs in through the form as a person would.</summary>
    public async Task SignInAsync(string login, string password)
    {
        await Page.GotoAsync("/Accounts/Login");
        await Page.GetByLabel("Логин").FillAsync(login);
        await Page.GetByLabel("Пароль").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Accounts/Login", StringComparison.Ordinal));
    }

    /// <summary>Follows a link of the main menu.</summary>
    public async Task OpenSectionAsync(string title)
    {
        var link = Page.GetByRole(AriaRole.Navigation, new() { Name = "Разделы" }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The menu link «{title}» has no address");
        await link.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals(href, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Asserts the current page is a whole page of the app (a heading, the app's title) and nothing has failed so far.</summary>
    public async Task ShouldShowPageAsync(string? heading = null)
    {
        var h1 = Page.Locator("h1");
        await Assertions.Expect(h1).ToBeVisibleAsync();
        if (heading is not null) await Assertions.Expect(h1).ToHaveTextAsync(heading);
        (await Page.TitleAsync()).Should().EndWith("— Методист", "every page uses the app's layout");
        Problems.Should().BeEmpty("no request of {0} may fail", Page.Url);
    }

    /// <summary>Saves a full-page PNG to the folder named by METODIST_SCREENSHOTS; without that variable nothing is saved.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("METODIST_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private void Inspect(IResponse response)
    {
        var isPage = response.Request.ResourceType == "document";
        // A page may answer 4xx on purpose (a foreign card is 404); a style or script must never be missing.
        if (response.Status >= 500 || (!isPage && response.Status >= 400))
            Report($"{response.Status} {response.Request.Method} {response.Url}");
    }

    private void Report(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _context.CloseAsync();
        }
        finally
        {
            _playwright.Dispose();
            DeleteProfile(_profile);
        }
    }

    private static void DeleteProfile(string profile)
    {
        try
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left in the temp folder is harmless; failing a passed journey over it is not.
        }
    }
}
