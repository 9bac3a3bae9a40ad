using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Invoicebox;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Jobs;
using Platform.Web.Account;
using Platform.Web.Catalog;
using Platform.Web.Images;
using Platform.Web.Localization;
using Platform.Web.Mail;
using Platform.Web.Operator;
using Platform.Web.Orders;
using Platform.Web.Security;
using Platform.Web.Shared;
using Platform.Web.Shop;
using static Platform.Web.Localization.UiText;

namespace Platform.Web;

public static class PlatformWebExtensions
{
    /// <summary>The sign-in cookie. The Hangfire dashboard in Platform.Workers reads the same cookie through the shared key ring.</summary>
    public const string AuthCookieName = ".Platform.Auth";

    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDefaults();
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddPlatformHangfire(configuration);
        services.AddInvoiceboxClient(configuration.GetSection("Invoicebox"));
        services.Configure<InvoiceboxAddressOptions>(configuration.GetSection(InvoiceboxAddressOptions.Section));

        AddAccounts(services, builder.Environment);
        services.AddAuthorization(PortalPolicies.Add);
        services.AddRazorPages(o =>
            {
                // Pages live in their feature folders (Account/, Shop/, Catalog/, Orders/, Operator/) next to their services.
                o.RootDirectory = "/";
                // Every page needs a signed-in user unless allowed below; health checks and static files are not pages.
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AuthorizeFolder("/Shop", PortalPolicies.Merchant);
                o.Conventions.AuthorizeFolder("/Catalog", PortalPolicies.Merchant);
                o.Conventions.AuthorizeFolder("/Orders", PortalPolicies.Merchant);
                o.Conventions.AuthorizeFolder("/Operator", PortalPolicies.Console);
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AllowAnonymousToFolder("/Errors");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            })
            .AddMvcOptions(o =>
            {
                // Validation is written out per form in both languages; no implicit English "field is required".
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelMetadataDetailsProviders.Add(new BlankFormValues());
                var messages = o.ModelBindingMessageProvider;
                messages.SetValueMustNotBeNullAccessor(_ => T("Заполните поле.", "This field is required."));
                messages.SetAttemptedValueIsInvalidAccessor((_, _) => T("Неверное значение.", "The value is not valid."));
                messages.SetValueIsInvalidAccessor(_ => T("Неверное значение.", "The value is not valid."));
                messages.SetValueMustBeANumberAccessor(_ => T("Введите число.", "Enter a number."));
                messages.SetMissingBindRequiredValueAccessor(_ => T("Заполните поле.", "This field is required."));
                messages.SetMissingKeyOrValueAccessor(() => T("Заполните поле.", "This field is required."));
                messages.SetUnknownValueIsInvalidAccessor(_ => T("Неверное значение.", "The value is not valid."));
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => T("Неверное значение.", "The value is not valid."));
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("Неверное значение.", "The value is not valid."));
                messages.SetNonPropertyValueMustBeANumberAccessor(() => T("Введите число.", "Enter a number."));
                messages.SetMissingRequestBodyRequiredValueAccessor(() => T("Пустой запрос.", "The request is empty."));
            });
        // Cyrillic as text, not as &#x...; entities: pages stay readable and half the size.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Platform.Antiforgery";
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRequestLocalization(o =>
        {
            o.SupportedCultures = o.SupportedUICultures = [Russian, English];
            o.DefaultRequestCulture = new RequestCulture(Russian);
            // Russian unless the merchant switched: the culture cookie only, not the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        services.AddSingleton<PortalClock>();
        services.AddSingleton<ReturnUrls>();
        services.AddSingleton<PortalMailer>();
        services.AddShopFeature();
        services.AddCatalogFeature();
        services.AddOrdersFeature();
        services.AddOperatorFeature(configuration);
        return builder;
    }

    private static void AddAccounts(IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddIdentity<PlatformUser, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail, checked by AccountEmail like buyers' addresses: Cyrillic mailboxes and
                // domains (иван@пример.рф) are fine, so Identity's Latin-only character list would wrongly refuse them.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InviteTokenProvider>(InviteTokenProviderOptions.ProviderName)
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<BilingualIdentityErrors>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookieName;
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // A signed-in user without the right role gets a real 403 (rendered by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Removing a colleague, a role change or a password reset takes effect on the very next request: every request
        // checks the cookie against the user's row and rebuilds the roles from it (portal traffic is small).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<PortalRoles>();
        services.AddScoped<ShopSignUp>();
        services.AddScoped<StaffInvites>();
    }

    public static WebApplication MapPlatformWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseExceptionHandler("/Errors/500");
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTenantFromClaim();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapShopImages();
        app.MapPlatformHealth();
        return app;
    }
}
