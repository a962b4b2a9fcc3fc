using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Accounts;

public sealed record TokenRequest(string Login, string Password);

public sealed record TokenResponse(string Token);

public sealed record RoleRequest(string Role, string ScopeId);

public sealed record CreateUserRequest(string Login, string Password, Guid? PersonId, List<RoleRequest>? Roles, string? DisplayName = null);

public sealed record UserResponse(Guid Id, string Login, string DisplayName, Guid? PersonId, IReadOnlyList<RoleResponse> Roles);

public sealed record RoleResponse(string Role, Guid ScopeId);

public static class AccountsApi
{
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().WithTags("Учётные записи")
            .WithSummary("Выдаёт токен Bearer по логину и паролю");

        var users = api.MapGroup("/users").RequireAuthorization(AuthSetup.RegionAdminPolicy).WithTags("Учётные записи");
        users.MapPost("/", CreateUser).WithSummary("Создаёт учётную запись с ролями (только администратор)");
        users.MapGet("/", ListUsers).WithSummary("Список учётных записей");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, IServiceProvider services)
    {
        var unauthorized = TypedResults.Problem("Неверный логин или пароль.", statusCode: StatusCodes.Status401Unauthorized, title: "Вход не выполнен");
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrEmpty(request.Password)) return unauthorized;
        var user = await users.FindByNameAsync(request.Login.Trim());
        if (user is null) return unauthorized;
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
            return TypedResults.Problem("Учётная запись временно заблокирована после нескольких неудачных попыток входа. Повторите позже.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Учётная запись заблокирована");
        if (!check.Succeeded) return unauthorized;
        return TypedResults.Ok(new TokenResponse(await AuthSetup.IssueTokenAsync(services, user)));
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, UserAccounts accounts, CurrentUser currentUser)
    {
        var scope = await currentUser.ScopeAsync();
        var result = await accounts.CreateAsync(scope, request);
        if (result.Errors.Count > 0) return Problems.Invalid(result.Errors);
        var user = result.User!;
        return TypedResults.Created($"/api/users/{user.Id}", ToResponse(user));
    }

    private static async Task<Ok<List<UserResponse>>> ListUsers(UserAccounts accounts, CurrentUser currentUser)
    {
        var users = await accounts.Visible(await currentUser.ScopeAsync()).AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync();
        return TypedResults.Ok(users.Select(ToResponse).ToList());
    }

    private static UserResponse ToResponse(AppUser u) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.PersonId, u.Roles.Select(r => new RoleResponse(r.Role.ToString(), r.ScopeId)).ToList());
}
