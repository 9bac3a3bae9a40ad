using System.Globalization;
using PhoneNumbers;
using Platform.Data.Orders;
using Platform.Domain.Orders;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Orders;

public static class OrderText
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Accepted => T("Принят", "Accepted"),
        OrderStatus.AwaitingPayment => T("Ждёт оплаты", "Awaiting payment"),
        OrderStatus.Paid => T("Оплачен", "Paid"),
        OrderStatus.Hold => T("Средства заблокированы", "On hold"),
        OrderStatus.Expired => T("Истёк", "Expired"),
        OrderStatus.Canceled => T("Отменён", "Canceled"),
        OrderStatus.Rejected => T("Отклонён", "Rejected"),
        _ => status.ToString(),
    };

    public static string Source(OrderEventSource source) => source switch
    {
        OrderEventSource.Buyer => T("покупатель", "buyer"),
        OrderEventSource.Worker => T("обработка заказа", "order processing"),
        OrderEventSource.Notification => T("уведомление Инвойсбокса", "Invoicebox notification"),
        OrderEventSource.Reconciliation => T("сверка с Инвойсбоксом", "reconciliation with Invoicebox"),
        OrderEventSource.Merchant => T("магазин", "merchant"),
        OrderEventSource.System => T("система", "system"),
        _ => source.ToString(),
    };

    /// <summary>
    /// A buyer's phone, stored as E.164 digits (<c>79990000001</c>), the one way the portal shows it: <c>+7 999 000-00-01</c>.
    /// </summary>
    public static string Phone(string digits)
    {
        try
        {
            var library = PhoneNumberUtil.GetInstance();
            return library.Format(library.Parse("+" + digits, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return "+" + digits;
        }
    }

    /// <summary>
    /// An order-timeline message is stored once and read by everyone in the shop, so the portal writes it in Russian,
    /// the portal's language, whatever language the merchant who caused it has chosen; amounts and statuses inside it too.
    /// </summary>
    public static string Timeline(Func<string> message)
    {
        var chosen = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Russian;
        try
        {
            return message();
        }
        finally
        {
            CultureInfo.CurrentUICulture = chosen;
        }
    }

    public static string Refund(RefundStatus status) => status switch
    {
        RefundStatus.Requested => T("отправляется", "being sent"),
        RefundStatus.Created => T("создан", "created"),
        RefundStatus.Completed => T("выполнен", "completed"),
        RefundStatus.Canceled => T("отменён", "canceled"),
        RefundStatus.Failed => T("не принят", "refused"),
        RefundStatus.Unknown => T("нет ответа Инвойсбокса — проверим перед следующим возвратом", "no answer from Invoicebox; checked before the next refund"),
        _ => status.ToString(),
    };
}
