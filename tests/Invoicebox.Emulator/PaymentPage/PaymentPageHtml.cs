using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.PaymentPage;

/// <summary>The payment page (pay.invoicebox.ru/order/{container}) as plain server-rendered HTML: no scripts, no external assets.</summary>
public static class PaymentPageHtml
{
    public static string Invoice(ContainerView container, MerchantRegistry merchants)
    {
        var body = new StringBuilder();
        var payable = container.Payable.ToList();
        var (title, note) = container.State switch
        {
            ContainerState.Paid => ("Счёт оплачен", "Спасибо! Оплата прошла успешно."),
            ContainerState.Declined => ("Оплата отменена", "Вы отказались от оплаты этого счёта."),
            _ when payable.Count == 0 => ("Счёт недоступен для оплаты", "Срок оплаты истёк или заказы отменены."),
            ContainerState.Held => ("Средства заблокированы", "Сумма удержана на карте и будет списана после подтверждения."),
            _ => ("Оплата счёта", null),
        };
        body.Append($"<h1>{E(title)}</h1>");
        if (note is not null)
            body.Append($"<p class=\"note\" id=\"state-note\">{E(note)}</p>");
        body.Append($"<p class=\"muted\">Счёт № <span id=\"container-id\">{E(container.Id)}</span></p>");

        foreach (var order in container.Orders)
            body.Append(OrderCard(order, merchants));

        var currency = container.Orders.FirstOrDefault()?.Content.CurrencyId ?? "RUB";
        if (container.State is ContainerState.Open or ContainerState.Held && payable.Count > 0)
        {
            body.Append($"""
                <div class="total"><span>К оплате</span><strong id="invoice-total">{E(Money(container.PayableTotal, currency))}</strong></div>
                <div class="actions">
                  <form method="post" action="/order/{E(container.Id)}/pay"><button type="submit" class="pay" id="pay">Оплатить</button></form>
                  <form method="post" action="/order/{E(container.Id)}/decline"><button type="submit" class="decline" id="decline">Отказаться</button></form>
                </div>
                """);
        }
        else
        {
            var paid = container.Orders.Where(o => o.Status == OrderStatus.Completed).Aggregate(Kopecks.Zero, (s, o) => s + o.Content.Amount);
            if (paid > Kopecks.Zero)
                body.Append($"<div class=\"total\"><span>Оплачено</span><strong id=\"invoice-total\">{E(Money(paid, currency))}</strong></div>");
        }
        return Page(title, body.ToString());
    }

    public static string NotFound(string containerId) =>
        Page("Счёт не найден", $"<h1>Счёт не найден</h1><p class=\"note\">Счёта {E(containerId)} нет. Проверьте ссылку на оплату.</p>");

    private static string OrderCard(OrderView order, MerchantRegistry merchants)
    {
        var c = order.Content;
        var number = c.Extras["merchantOrderIdVisible"]?.GetValue<string>() ?? c.MerchantOrderId;
        var merchantName = merchants.ById(order.MerchantId)?.Name ?? order.MerchantId;
        var lines = new StringBuilder();
        foreach (var line in c.BasketItems)
        {
            lines.Append($"""
                <li class="line"><span class="name">{E(line.Name)}</span>
                <span class="qty">{E(line.Quantity.ToString("0.###", Ru))} × {E(Money(line.Amount, c.CurrencyId))}</span>
                <span class="sum">{E(Money(line.TotalAmount, c.CurrencyId))}</span></li>
                """);
        }
        var status = order.Status switch
        {
            OrderStatus.Completed => "оплачен",
            OrderStatus.Canceled => "отменён",
            OrderStatus.Expired => "срок оплаты истёк",
            OrderStatus.Hold => "средства заблокированы",
            _ => null,
        };
        var badge = status is null ? "" : $"<span class=\"badge {E(order.Status)}\">{E(status)}</span>";
        var vat = c.VatAmount > Kopecks.Zero ? $"<p class=\"muted vat\">в т. ч. НДС {E(Money(c.VatAmount, c.CurrencyId))}</p>" : "";
        return $"""
            <section class="order" data-order-id="{E(order.Id)}" data-status="{E(order.Status)}">
              <header><span class="merchant">{E(merchantName)}</span>{badge}</header>
              <p class="muted">Заказ № {E(number)} · {E(c.Description)}</p>
              <ul class="lines">{lines}</ul>
              <div class="order-total"><span>Итого</span><strong>{E(Money(c.Amount, c.CurrencyId))}</strong></div>
              {vat}
            </section>
            """;
    }

    public static string Money(Kopecks value, string currency) =>
        value.ToDisplay() + (currency == "RUB" ? "\u00a0₽" : "\u00a0" + currency);

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    // Cyrillic stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} — Инвойсбокс (эмулятор)</title>
        <style>
          :root { --brand: #2f6df6; --text: #1c2430; --muted: #6b7686; --line: #e6e9ef; }
          * { box-sizing: border-box; }
          body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #f4f6fa; }
          .top { background: #fff; border-bottom: 1px solid var(--line); padding: 12px 16px; font-weight: 700; }
          .top small { font-weight: 400; color: var(--muted); margin-left: 8px; }
          main { max-width: 560px; margin: 0 auto; padding: 16px; }
          h1 { font-size: 22px; margin: 8px 0 4px; }
          .muted { color: var(--muted); margin: 4px 0; font-size: 14px; }
          .note { background: #fff; border-radius: 12px; padding: 12px 14px; }
          .order { background: #fff; border-radius: 12px; padding: 14px; margin: 12px 0; box-shadow: 0 1px 2px rgba(0,0,0,.05); }
          .order header { display: flex; justify-content: space-between; align-items: center; gap: 8px; font-weight: 600; }
          .badge { font-size: 12px; font-weight: 500; border-radius: 999px; padding: 2px 8px; background: #eef1f6; color: var(--muted); }
          .badge.completed { background: #e3f6e8; color: #1d7a3a; }
          .lines { list-style: none; padding: 0; margin: 8px 0; }
          .line { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; padding: 8px 0; border-top: 1px solid var(--line); }
          .line .qty { color: var(--muted); font-size: 14px; grid-column: 1; }
          .line .sum { grid-column: 2; grid-row: 1 / span 2; align-self: center; font-weight: 600; }
          .order-total, .total { display: flex; justify-content: space-between; padding-top: 8px; border-top: 1px solid var(--line); }
          .total { font-size: 20px; margin: 16px 0; border: 0; }
          .actions { display: flex; flex-direction: column; gap: 10px; }
          .actions form { margin: 0; }
          button { width: 100%; font: inherit; font-weight: 600; border-radius: 10px; padding: 14px; cursor: pointer; border: 1px solid var(--brand); }
          button.pay { background: var(--brand); color: #fff; }
          button.decline { background: #fff; color: var(--brand); }
        </style>
        </head>
        <body>
        <div class="top">Инвойсбокс<small>эмулятор платёжной страницы</small></div>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;
}
