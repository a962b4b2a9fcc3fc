using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Metodist.Web.Infrastructure;

/// <summary>ProblemDetails with a Russian title and detail that a person can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail = "Запись не найдена или недоступна в вашей области видимости.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Не найдено");

    public static ProblemHttpResult Forbidden(string detail = "Недостаточно прав для этого действия.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Доступ запрещён");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Некорректный запрос");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Конфликт");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Данные заполнены с ошибками", detail: string.Join(" ", errors.SelectMany(e => e.Value)));

    /// <summary>Russian titles for errors raised by the framework itself (401, 404 of unknown routes, 500…).</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var (title, detail) = problem.Status switch
        {
            400 => ("Некорректный запрос", "Проверьте параметры запроса."),
            401 => ("Требуется вход", "Войдите в систему или передайте действующий токен в заголовке Authorization: Bearer."),
            403 => ("Доступ запрещён", "Недостаточно прав для этого действия."),
            404 => ("Не найдено", "Запрошенный адрес или запись не найдены."),
            405 => ("Метод не поддерживается", "Этот адрес не поддерживает такой метод запроса."),
            415 => ("Неподдерживаемый формат", "Передайте данные в формате, который ожидает этот адрес."),
            _ => ("Внутренняя ошибка", "Произошла ошибка на сервере. Повторите попытку позже."),
        };
        if (problem.Title is null || problem.Title.All(c => c < 128)) problem.Title = title;
        if (problem.Detail is null || problem.Detail.All(c => c < 128)) problem.Detail = detail;
    }
}
