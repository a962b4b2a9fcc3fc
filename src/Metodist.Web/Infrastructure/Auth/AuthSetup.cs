using System.Security.Claims;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Metodist.Web.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>Chooses the bearer handler for requests that carry a token, the cookie otherwise.</summary>
    public const string SmartScheme = "Metodist";

    public const string RegionAdminPolicy = "RegionAdmin";

    public static IServiceCollection AddMetodistAuth(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Metodist");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<RussianIdentityErrors>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, o =>
            {
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(12))
            .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = "/Accounts/Login";
                c.LogoutPath = "/Accounts/Logout";
                c.AccessDeniedPath = "/Accounts/Denied";
                c.Cookie.Name = "metodist.auth";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.ExpireTimeSpan = TimeSpan.FromHours(10);
                c.SlidingExpiration = true;
                c.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                c.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            }));

        var activeAccount = new AuthorizationPolicyBuilder(SmartScheme).RequireAuthenticatedUser().AddRequirements(new ActiveAccountRequirement()).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(activeAccount)
            .SetFallbackPolicy(activeAccount)
            .AddPolicy(RegionAdminPolicy, p => p.AddAuthenticationSchemes(SmartScheme).RequireAuthenticatedUser().AddRequirements(new ActiveAccountRequirement(), new RegionAdminRequirement()));
        services.AddScoped<IAuthorizationHandler, RegionAdminHandler>();
        services.AddScoped<IAuthorizationHandler, ActiveAccountHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, StaleSignInChallenge>();
        services.AddScoped<CurrentUser>();
        return services;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Issues a bearer token for a user, readable by every node that shares the key ring.</summary>
    public static async Task<string> IssueTokenAsync(IServiceProvider services, AppUser user)
    {
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, IdentityConstants.BearerScheme);
        var options = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var clock = services.GetRequiredService<TimeProvider>();
        var properties = new AuthenticationProperties
        {
            IssuedUtc = clock.GetUtcNow(),
            ExpiresUtc = clock.GetUtcNow() + options.BearerTokenExpiration,
        };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return options.BearerTokenProtector.Protect(ticket);
    }
}

public sealed class RegionAdminRequirement : IAuthorizationRequirement;

/// <summary>The signed-in account still exists, is not locked and has not changed its password since sign-in.</summary>
public sealed class ActiveAccountRequirement : IAuthorizationRequirement;

/// <summary>A stale sign-in (changed password, locked account) is asked to sign in again (401 or the
/// sign-in page), not told it lacks rights (403).</summary>
internal sealed class StaleSignInChallenge : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ActiveAccountRequirement>().Any() == true)
            return context.ChallengeAsync(AuthSetup.SmartScheme);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

internal sealed class ActiveAccountHandler(CurrentUser currentUser) : AuthorizationHandler<ActiveAccountRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveAccountRequirement requirement)
    {
        if ((await currentUser.ScopeAsync()).UserId is not null) context.Succeed(requirement);
    }
}

internal sealed class RegionAdminHandler(CurrentUser currentUser) : AuthorizationHandler<RegionAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RegionAdminRequirement requirement)
    {
        if ((await currentUser.ScopeAsync()).IsRegionAdmin) context.Succeed(requirement);
    }
}

internal sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Пароль должен быть не короче {length} символов." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Пароль должен содержать хотя бы одну цифру." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Пароль должен содержать строчную латинскую букву." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Пароль должен содержать заглавную латинскую букву." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Пароль должен содержать не менее {uniqueChars} различных символов." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Логин «{userName}» уже занят." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Логин «{userName}» недопустим: используйте латинские буквы, цифры и знаки - . _ @." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Не удалось выполнить операцию с учётной записью." };
}
