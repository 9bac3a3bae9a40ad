namespace Invoicebox.Emulator.Control;

/// <summary>The emulator's home page: what is here and where.</summary>
public static class IndexPage
{
    public const string Html = """
        <!doctype html>
        <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Инвойсбокс — эмулятор</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:24px auto;padding:0 16px;color:#1c2430}code{background:#eef1f6;padding:1px 4px;border-radius:4px}li{margin:4px 0}</style>
        </head><body>
        <h1>Инвойсбокс — эмулятор</h1>
        <p>Локальная замена Invoicebox для тестов и демо: API v3, платёжная страница, уведомления, родительское окно мини-приложений.</p>
        <h2>Попробовать</h2>
        <ul>
          <li><a href="/_emulator/parent?src=/_emulator/probe/&amp;mode=suborder">Родительское окно с пробным мини-приложением (suborder)</a></li>
          <li><a href="/_emulator/parent?src=/_emulator/probe/&amp;mode=order">Родительское окно с пробным мини-приложением (order)</a></li>
          <li><a href="/_emulator/orders">Все заказы (JSON)</a> · <a href="/_emulator/notifications">Попытки уведомлений</a> · <a href="/_emulator/merchants">Магазины</a></li>
        </ul>
        <h2>API</h2>
        <p><code>/v3/...</code> и <code>/l3/...</code> с <code>Authorization: Bearer &lt;token&gt;</code>. Подробности — в README эмулятора.</p>
        </body></html>
        """;
}
