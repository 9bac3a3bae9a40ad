using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Errors;

/// <summary>What a 403, 404, 400 or 500 looks like: a sentence, not a stack trace. The status code is kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // Re-executed POSTs (a refused form) arrive here as POST too.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            403 => (T("Нет доступа", "Access denied"), T("У вашей учётной записи нет прав на эту страницу или действие.", "Your account may not open this page or do this.")),
            404 => (T("Не найдено", "Not found"), T("Такой страницы нет, или она относится к другому магазину.", "There is no such page, or it belongs to another shop.")),
            400 => (T("Запрос не принят", "Request refused"), T("Форма устарела или пришла не из кабинета. Обновите страницу и попробуйте ещё раз.", "The form was stale or did not come from the portal. Reload the page and try again.")),
            _ => (T("Что-то пошло не так", "Something went wrong"), T("Мы уже записали ошибку. Попробуйте ещё раз чуть позже.", "The error has been logged. Please try again a little later.")),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code;
    }
}
