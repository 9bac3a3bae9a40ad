using System.Globalization;

namespace Platform.Api.Buyers;

/// <summary>The few sentences the buyer API says itself, in Russian and English (the mini-app translates codes on its own).</summary>
public static class BuyerText
{
    private static readonly Dictionary<string, (string Ru, string En)> Texts = new()
    {
        ["pos_not_found"] = ("Такой точки продаж нет.", "There is no such point of sale."),
        ["shop_unavailable"] = ("Магазин сейчас не принимает заказы.", "The shop is not taking orders right now."),
        ["session_expired"] = ("Сессия истекла, откройте магазин заново.", "The session has expired; reopen the shop."),
        ["token_wrong_shop"] = ("Сессия открыта для другой точки продаж.", "The session belongs to another point of sale."),
        ["idempotency_key_required"] = ("Не хватает заголовка Idempotency-Key.", "The Idempotency-Key header is missing."),
        ["idempotency_key_reused"] = ("Этот ключ уже использован для другого заказа.", "This key was already used for a different order."),
        ["invalid_json"] = ("Запрос не похож на JSON нужного вида.", "The request body is not the expected JSON."),
        ["invalid_request"] = ("Неверный запрос: проверьте параметры.", "The request is malformed; check its parameters."),
        ["payload_too_large"] = ("Запрос слишком большой.", "The request is too large."),
        ["idempotency_key_invalid"] = ("Idempotency-Key: до 100 видимых символов ASCII.", "Idempotency-Key must be up to 100 visible ASCII characters."),
        ["invalid_characters"] = ("Недопустимые символы.", "The value contains characters that are not allowed."),
        ["quantity_step"] = ("Количество должно быть кратно {0}.", "The quantity must be a multiple of {0}."),
        ["validation_failed"] = ("Проверьте выделенные поля.", "Please check the highlighted fields."),
        ["order_not_found"] = ("Заказ не найден.", "The order was not found."),
        ["required"] = ("Заполните поле.", "This field is required."),
        ["too_long"] = ("Слишком длинное значение.", "This value is too long."),
        ["contact_required"] = ("Укажите e-mail или телефон для чека.", "Enter an e-mail or a phone for the receipt."),
        ["items_required"] = ("Корзина пуста.", "The cart is empty."),
        ["too_many_items"] = ("Слишком много позиций в заказе.", "Too many lines in one order."),
        ["product_unavailable"] = ("Этот товар больше не продаётся.", "This product is no longer available."),
        ["duplicate_product"] = ("Товар указан в заказе дважды.", "The product appears twice in the order."),
        ["quantity_invalid"] = ("Количество должно быть больше нуля, не больше трёх знаков после запятой.", "The quantity must be above zero with at most three decimals."),
        ["quantity_too_large"] = ("Слишком большое количество.", "The quantity is too large."),
        ["amount_too_large"] = ("Сумма заказа больше {0:N2} ₽ — столько одним заказом не оплатить. Уменьшите количество.",
            "The order total is over {0:N2} ₽, more than one order can be paid with. Please reduce the quantities."),
        ["container_required"] = ("Для дополнительной услуги нужен счёт (orderContainerId).", "An add-on needs the invoice id (orderContainerId)."),
        ["container_invalid"] = ("Неверный идентификатор счёта.", "The invoice id is not valid."),
        ["minapp_type_invalid"] = ("minappType должен быть order или suborder.", "minappType must be order or suborder."),
        ["locale_invalid"] = ("locale должен быть ru или en.", "locale must be ru or en."),
        ["phone_invalid"] = ("Неверный номер телефона.", "The phone number is not valid."),
        ["phone_too_short"] = ("В номере телефона не хватает цифр.", "The phone number has too few digits."),
        ["phone_too_long"] = ("В номере телефона лишние цифры.", "The phone number has too many digits."),
        ["email_invalid"] = ("Неверный адрес e-mail.", "The e-mail address is not valid."),
        ["not_found"] = ("Такого адреса нет.", "There is nothing at this address."),
        ["method_not_allowed"] = ("Этот адрес не принимает такой запрос.", "This address does not take this kind of request."),
        ["unsupported_media_type"] = ("Тело запроса должно быть JSON (Content-Type: application/json).", "The request body must be JSON (Content-Type: application/json)."),
        ["bad_request"] = ("Неверный запрос.", "The request is malformed."),
        ["unauthorized"] = ("Нужна сессия: откройте магазин заново.", "A session is needed; reopen the shop."),
        ["forbidden"] = ("Доступ запрещён.", "Access is denied."),
        ["internal_error"] = ("Что-то пошло не так. Попробуйте ещё раз.", "Something went wrong. Please try again."),
        ["error"] = ("Запрос не выполнен.", "The request failed."),
        ["rate_limited"] = ("Слишком много запросов, попробуйте через минуту.", "Too many requests; try again in a minute."),
    };

    /// <summary>The sentence for a code; <paramref name="args"/> fill its {0}-style holes.</summary>
    public static string Of(string code, string locale, params object[] args)
    {
        if (!Texts.TryGetValue(code, out var text))
        {
            // Domain contact codes are finer than the buyer needs (phone_required, email_domain_missing, ...).
            var family = code.StartsWith("phone", StringComparison.Ordinal) ? "phone_invalid" : code.StartsWith("email", StringComparison.Ordinal) ? "email_invalid" : "validation_failed";
            text = Texts[family];
        }
        var template = locale == "en" ? text.En : text.Ru;
        return args.Length == 0 ? template : string.Format(locale == "en" ? CultureInfo.InvariantCulture : Russian, template, args);
    }

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string LocaleOf(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        return header.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "ru";
    }
}
