using Platform.Data.Shops;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

public static class ShopText
{
    public static string Status(TenantStatus status) => status switch
    {
        TenantStatus.Draft => T("Черновик", "Draft"),
        TenantStatus.Live => T("Работает", "Live"),
        TenantStatus.Suspended => T("Приостановлен", "Suspended"),
        _ => status.ToString(),
    };
}
