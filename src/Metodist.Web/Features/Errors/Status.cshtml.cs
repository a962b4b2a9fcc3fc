using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Errors;

/// <summary>The page a browser gets for 403, 404, 500 and other error statuses.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public (string Title, string Text) Message => Code switch
    {
        403 => ("Доступ запрещён", "У вашей учётной записи нет прав на эту страницу. Если доступ нужен для работы, обратитесь к администратору региона."),
        404 => ("Страница не найдена", "Такой страницы нет, или запись недоступна в вашей области видимости."),
        400 => ("Некорректный запрос", "Проверьте адрес страницы и введённые данные."),
        500 => ("Ошибка на сервере", "Произошла непредвиденная ошибка. Повторите действие; если ошибка повторится, сообщите администратору."),
        _ => ("Ошибка", "Не удалось выполнить запрос."),
    };

    public IActionResult OnGet(int code) => Handle(code);

    public IActionResult OnPost(int code) => Handle(code);

    private PageResult Handle(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = Code;
        return Page();
    }
}
