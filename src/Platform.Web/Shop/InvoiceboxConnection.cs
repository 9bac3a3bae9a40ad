using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Secrets;
using Platform.Data.Shops;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>
/// The current shop's Invoicebox client, and «Проверить подключение»: the auth check, then a harmless list call
/// filtered by the shop's merchantId, explained in words and recorded on the settings row. No secret ever reaches a
/// message: they are written from the outcome, not from exception texts. Every client the portal makes goes through
/// here, so none calls an API address outside <see cref="InvoiceboxAddresses"/>.
/// </summary>
public sealed class InvoiceboxConnection(PlatformDbContext db, CredentialProtector protector, IInvoiceboxClientFactory clients,
    InvoiceboxAddresses addresses, TimeProvider time, ILogger<InvoiceboxConnection> log)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Stable outcome codes, stored in <see cref="InvoiceboxSettings.CheckMessage"/> and put into words by <see cref="Describe"/>.</summary>
    public static class Outcomes
    {
        public const string Ok = "ok";
        public const string Incomplete = "incomplete";
        public const string WrongToken = "wrong_token";
        public const string WrongMerchant = "wrong_merchant";
        public const string WrongAddress = "wrong_address";
        public const string Unreachable = "unreachable";
        public const string RateLimited = "rate_limited";
        public const string Refused = "refused";
        public const string AddressNotAllowed = "address_not_allowed";
    }

    /// <summary>The client for the signed-in shop, or why there is none (a sentence for the merchant).</summary>
    public async Task<(IInvoiceboxClient? Client, string? Problem)> ClientAsync(CancellationToken ct)
    {
        var settings = await db.InvoiceboxSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        if (settings is not { IsComplete: true })
            return (null, T("Не заполнены данные подключения к Инвойсбоксу.", "The Invoicebox credentials are incomplete."));
        return Create(settings) is { } client ? (client, null) : (null, Describe(Outcomes.AddressNotAllowed));
    }

    public async Task<string> CheckAndRecordAsync(CancellationToken ct)
    {
        var settings = await db.InvoiceboxSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
            return Outcomes.Incomplete;
        var outcome = await CheckAsync(settings, ct);
        settings.CheckedAt = time.GetUtcNow();
        settings.CheckSucceeded = outcome == Outcomes.Ok;
        settings.CheckMessage = outcome;
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private async Task<string> CheckAsync(InvoiceboxSettings settings, CancellationToken ct)
    {
        if (!settings.IsComplete)
            return Outcomes.Incomplete;
        IInvoiceboxClient? client;
        try
        {
            client = Create(settings);
        }
        catch (ArgumentException)
        {
            return Outcomes.WrongAddress;
        }
        if (client is null)
            return Outcomes.AddressNotAllowed;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var auth = await client.CheckAuthAsync(timeout.Token);
            if (!auth.TokenAccepted)
                return Outcomes.WrongToken;
            await client.ListOrdersAsync(new OrderFilter { MerchantId = settings.MerchantId, PageSize = 1 }, timeout.Token);
            return Outcomes.Ok;
        }
        catch (InvoiceboxCredentialsException)
        {
            // The token was accepted by the auth check, so a refusal here is about the merchant it names.
            return Outcomes.WrongMerchant;
        }
        catch (InvoiceboxNotFoundException)
        {
            return Outcomes.WrongAddress;
        }
        catch (InvoiceboxRateLimitedException)
        {
            return Outcomes.RateLimited;
        }
        catch (InvoiceboxValidationException e)
        {
            log.LogWarning("Invoicebox connection check refused with {StatusCode} {ErrorCode}", e.StatusCode, e.ErrorCode);
            return Outcomes.Refused;
        }
        catch (InvoiceboxTransientException e)
        {
            log.LogWarning("Invoicebox connection check got no usable answer ({StatusCode}, timeout {IsTimeout})", e.StatusCode, e.IsTimeout);
            return Outcomes.Unreachable;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Outcomes.Unreachable;
        }
    }

    public static string Describe(string? outcome) => outcome switch
    {
        null or "" => T("Проверка ещё не выполнялась.", "The connection has not been checked yet."),
        Outcomes.Ok => T("Подключение работает: Инвойсбокс принял токен, магазин с этим merchantId доступен.",
            "The connection works: Invoicebox accepted the token and the shop with this merchantId is reachable."),
        Outcomes.Incomplete => T("Заполните merchantId, токен и ключ уведомлений.", "Fill in the merchantId, the token and the notification key."),
        Outcomes.WrongToken => T("Инвойсбокс не принял токен. Скопируйте его заново в кабинете Инвойсбокса (раздел «Интеграция (API)») и проверьте префикс /v3 или /l3.",
            "Invoicebox refused the token. Copy it again from the Invoicebox cabinet (“Интеграция (API)”) and check the /v3 or /l3 prefix."),
        Outcomes.WrongMerchant => T("Токен верный, но у него нет доступа к магазину с этим merchantId. Проверьте ID магазина.",
            "The token is valid but has no access to the shop with this merchantId. Check the shop ID."),
        Outcomes.WrongAddress => T("По этому адресу API нет нужных методов. Проверьте адрес API и префикс.",
            "The API address does not answer these methods. Check the API address and the prefix."),
        Outcomes.Unreachable => T("Инвойсбокс не ответил. Проверьте адрес API или попробуйте позже.",
            "Invoicebox did not answer. Check the API address or try again later."),
        Outcomes.RateLimited => T("Слишком много запросов к Инвойсбоксу. Попробуйте через минуту.",
            "Too many requests to Invoicebox. Try again in a minute."),
        Outcomes.Refused => T("Инвойсбокс отклонил проверочный запрос. Проверьте merchantId.",
            "Invoicebox refused the test request. Check the merchantId."),
        Outcomes.AddressNotAllowed => T("Этот адрес API не разрешён на платформе, запросы по нему не отправляются. Укажите адрес API Инвойсбокса (раздел «Дополнительно») и сохраните.",
            "This API address is not allowed on the platform, so no request is sent to it. Enter Invoicebox's API address (under “Advanced”) and save."),
        _ => outcome,
    };

    /// <summary>The client, or null when the stored API address is not (or no longer) allowed.</summary>
    private IInvoiceboxClient? Create(InvoiceboxSettings settings)
    {
        if (!addresses.IsAllowed(settings.ApiBaseUrl))
        {
            log.LogWarning("No Invoicebox call for tenant {TenantId}: its API address is not allowed", settings.TenantId);
            return null;
        }
        return clients.Create(new InvoiceboxCredentials(
            settings.ApiBaseUrl, settings.ApiPrefix, settings.MerchantId, protector.Unprotect(settings.ProtectedToken)));
    }
}
