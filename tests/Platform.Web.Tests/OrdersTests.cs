using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Orders;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using Platform.Invoicebox.Refunds;
using Platform.Testing;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed class OrdersTests(PortalFixture fx)
{
    private const string EmulatorMerchant = "0193a1c0-0000-7000-8000-000000001001";
    private const string EmulatorToken = "5f0c3d7e0c01a1c0b2e5f0c3d7e01001";

    [Fact]
    public async Task The_list_filters_by_status_and_finds_by_number_email_or_phone()
    {
        var (shop, owner) = await ShopAsync("orders-list");
        var paid = await PlaceAsync(shop, pay: true, email: "ivan@пример.рф", phone: "79161234567");
        var waiting = await PlaceAsync(shop, pay: false, email: "olga@example.com", phone: "79035550000");

        var onlyPaid = await owner.GetPageAsync("/Orders?status=Paid");
        Assert.Contains($"/Orders/{paid.Id}", onlyPaid);
        Assert.DoesNotContain($"/Orders/{waiting.Id}", onlyPaid);

        Assert.Contains($"/Orders/{waiting.Id}", await owner.GetPageAsync("/Orders?q=" + waiting.Number));
        Assert.DoesNotContain($"/Orders/{paid.Id}", await owner.GetPageAsync("/Orders?q=" + waiting.Number));
        Assert.Contains($"/Orders/{paid.Id}", await owner.GetPageAsync("/Orders?q=" + Uri.EscapeDataString("IVAN@пример.рф")));
        Assert.Contains($"/Orders/{waiting.Id}", await owner.GetPageAsync("/Orders?q=" + Uri.EscapeDataString("8 (903) 555-00-00")));
        var byDomain = await owner.GetPageAsync("/Orders?q=example.com"); // a part of an e-mail, typed without «@»
        Assert.Contains($"/Orders/{waiting.Id}", byDomain);
        Assert.DoesNotContain($"/Orders/{paid.Id}", byDomain);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Contains($"/Orders/{paid.Id}", await owner.GetPageAsync($"/Orders?from={today}&to={today}"));
        Assert.DoesNotContain($"/Orders/{paid.Id}", await owner.GetPageAsync("/Orders?from=2020-01-01&to=2020-01-31"));
    }

    [Fact]
    public async Task The_next_page_lists_the_older_orders_and_keeps_the_filters()
    {
        var (shop, owner) = await ShopAsync("orders-paging");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 27; i++)
            await AddAcceptedAsync(shop, now.AddMinutes(-i));
        var ids = await fx.InTenantAsync(shop.Id, db => db.Orders.Where(o => o.Status == OrderStatus.Accepted)
            .OrderByDescending(o => o.CreatedAt).Select(o => o.Id).ToListAsync()); // newest first, as the list shows them
        Assert.True(ids.Count > 25, "two pages of accepted orders");

        var first = await owner.GetPageAsync("/Orders?status=Accepted");
        var second = await owner.GetPageAsync("/Orders?status=Accepted&page=2");

        Assert.Contains("/Orders?status=Accepted&amp;page=2", first);
        Assert.All(ids.Take(25), id => Assert.Contains($"/Orders/{id}", first));
        Assert.All(ids.Skip(25), id => Assert.DoesNotContain($"/Orders/{id}", first));
        Assert.All(ids.Skip(25), id => Assert.Contains($"/Orders/{id}", second));
        Assert.All(ids.Take(25), id => Assert.DoesNotContain($"/Orders/{id}", second));
        // A page past the end (or one whose offset would overflow) shows the last page.
        var beyond = await owner.GetPageAsync("/Orders?status=Accepted&page=2147483647");
        Assert.All(ids.Skip(25), id => Assert.Contains($"/Orders/{id}", beyond));
        Assert.All(ids.Take(25), id => Assert.DoesNotContain($"/Orders/{id}", beyond));
    }

    [Fact]
    public async Task The_detail_shows_lines_amounts_invoicebox_ids_and_the_timeline()
    {
        var (shop, owner) = await ShopAsync("orders-detail");
        var order = await PlaceAsync(shop, pay: false);

        var page = WebUtility.HtmlDecode(await owner.GetPageAsync($"/Orders/{order.Id}"));

        Assert.Contains(order.InvoiceboxOrderId!, page);
        Assert.Contains(order.PaymentUrl!, page);
        Assert.Contains("Чашка", page);
        Assert.Contains(MoneyRu(order.Amount), page);
        Assert.Contains("Order placed in the mini-app.", page);
        Assert.Contains("Принят → Ждёт оплаты", page);
    }

    [Fact]
    public async Task A_buyers_phone_reads_the_same_in_the_list_and_the_detail()
    {
        var (shop, owner) = await ShopAsync("orders-phone");
        var order = await PlaceAsync(shop, pay: false, phone: "79990000001");

        var list = WebUtility.HtmlDecode(await owner.GetPageAsync("/Orders"));
        var detail = WebUtility.HtmlDecode(await owner.GetPageAsync($"/Orders/{order.Id}"));

        Assert.Contains("<span class=\"phone\">+7 999 000-00-01</span>", list);
        Assert.Contains("<span class=\"phone\">+7 999 000-00-01</span>", detail);
        Assert.DoesNotContain("79990000001", list);
        Assert.DoesNotContain("79990000001", detail);
    }

    [Fact]
    public async Task Recheck_enqueues_the_workers_reconciliation_job_with_the_tenant_and_order()
    {
        var (shop, owner) = await ShopAsync("orders-recheck");
        var order = await PlaceAsync(shop, pay: false);

        var response = await owner.PostFormAsync($"/Orders/{order.Id}?handler=Recheck", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var monitoring = fx.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.EnqueuedJobs("default", 0, 500).Select(j => j.Value.Job).ToList();
        Assert.Contains(jobs, j => j.Type == typeof(IOrderReconciler) && j.Method.Name == nameof(IOrderReconciler.ReconcileOrderAsync)
            && (Guid)j.Args[0] == shop.Id && (Guid)j.Args[1] == order.Id);
        Assert.Contains("В кабинете запрошена перепроверка статуса.", await owner.GetPageAsync($"/Orders/{order.Id}"));
    }

    [Fact]
    public async Task Canceling_an_unpaid_order_cancels_it_in_invoicebox_and_records_the_merchant_on_the_timeline()
    {
        var (shop, owner) = await ShopAsync("orders-cancel");
        var order = await PlaceAsync(shop, pay: false);

        var response = await owner.PostFormAsync($"/Orders/{order.Id}?handler=Cancel", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("canceled", await EmulatorStatusAsync(order.InvoiceboxOrderId!));
        var (status, events) = await fx.InTenantAsync(shop.Id, async db =>
            (await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync(),
             await db.OrderEvents.Where(e => e.OrderId == order.Id).OrderBy(e => e.Id).ToListAsync()));
        Assert.Equal(OrderStatus.Canceled, status);
        var last = events.Last();
        Assert.Equal(OrderEventSource.Merchant, last.Source);
        Assert.Equal(OrderStatus.Canceled, last.ToStatus);
    }

    [Fact]
    public async Task A_paid_order_cannot_be_canceled()
    {
        var (shop, owner) = await ShopAsync("orders-cancel-paid");
        var order = await PlaceAsync(shop, pay: true);

        // The page offers no «cancel» for a paid order; a hand-made request is refused too.
        await owner.PostCraftedFormAsync($"/Orders/{order.Id}?handler=Cancel", new(), tokenFrom: $"/Orders/{order.Id}");

        Assert.Contains("Отменить можно только заказ, который ждёт оплаты", await owner.GetPageAsync($"/Orders/{order.Id}"));
        Assert.Equal("completed", await EmulatorStatusAsync(order.InvoiceboxOrderId!));
    }

    [Fact]
    public async Task A_full_refund_is_created_in_invoicebox_and_recorded_with_its_lines()
    {
        var (shop, owner) = await ShopAsync("orders-refund-all");
        var order = await PlaceAsync(shop, pay: true);

        var response = await owner.PostFormAsync($"/Orders/{order.Id}?handler=Refund", new() { ["all"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var refund = await fx.InTenantAsync(shop.Id, db => db.Refunds.Include(r => r.Lines).SingleAsync(r => r.OrderId == order.Id));
        Assert.Equal(RefundStatus.Created, refund.Status);
        Assert.Equal(order.Amount, refund.Amount);
        Assert.Equal(order.VatAmount, refund.VatAmount);
        Assert.Equal($"{order.Number}-R1", refund.MerchantRefundId);
        var lines = await fx.InTenantAsync(shop.Id, db => db.OrderLines.Where(l => l.OrderId == order.Id).ToListAsync());
        Assert.All(lines, l => Assert.Equal(l.Quantity, l.RefundedQuantity));
        var refunds = await EmulatorRefundsAsync();
        Assert.Contains(refunds, r => r.GetProperty("id").GetString() == refund.InvoiceboxRefundId && r.GetProperty("parentId").GetString() == order.InvoiceboxOrderId);
        var page = await owner.GetPageAsync($"/Orders/{order.Id}");
        Assert.Contains($"{order.Number}-R1", page);
        Assert.DoesNotContain("id=\"refund-all\"", page);
    }

    [Fact]
    public async Task The_portal_writes_its_timeline_messages_in_russian_even_for_a_merchant_reading_english()
    {
        var (shop, owner) = await ShopAsync("orders-timeline-ru");
        var unpaid = await PlaceAsync(shop, pay: false);
        var paid = await PlaceAsync(shop, pay: true);
        await owner.PostFormAsync("/Culture", new() { ["culture"] = "en" }, page: "/Orders");

        await owner.PostFormAsync($"/Orders/{unpaid.Id}?handler=Recheck", new());
        await owner.PostFormAsync($"/Orders/{unpaid.Id}?handler=Cancel", new());
        await owner.PostFormAsync($"/Orders/{paid.Id}?handler=Refund", new() { ["all"] = "true" });

        var messages = await fx.InTenantAsync(shop.Id, db => db.OrderEvents.Where(e => e.Source == OrderEventSource.Merchant)
            .OrderBy(e => e.Id).Select(e => e.Message).ToListAsync());
        Assert.Equal(["В кабинете запрошена перепроверка статуса.", "Отменён магазином в кабинете.",
            $"Возврат {paid.MerchantOrderId}-R1 на {MoneyRu(paid.Amount)} создан в Инвойсбоксе."], messages);
        Assert.Contains("lang=\"en\"", await owner.GetPageAsync($"/Orders/{paid.Id}"));
    }

    [Fact]
    public async Task A_partial_refund_returns_only_the_chosen_quantity_priced_like_the_order()
    {
        var (shop, owner) = await ShopAsync("orders-refund-part");
        var order = await PlaceAsync(shop, pay: true);
        var cups = order.Lines.Single(l => l.Sku == "CUP");

        await owner.PostFormAsync($"/Orders/{order.Id}?handler=Refund", new() { [$"quantities[{cups.Id}]"] = "1" });

        var refund = await fx.InTenantAsync(shop.Id, db => db.Refunds.SingleAsync(r => r.OrderId == order.Id));
        var expected = BasketCalculator.CalculateLine(new BasketLineInput(cups.Name, cups.Sku, cups.CatalogPrice, cups.VatCode, 1, cups.MeasureName, cups.MeasureCode, cups.ItemType, cups.PaymentType));
        Assert.Equal(expected.Total, refund.Amount);
        Assert.Equal(expected.Vat, refund.VatAmount);
        Assert.Equal(1m, await fx.InTenantAsync(shop.Id, db => db.OrderLines.Where(l => l.Id == cups.Id).Select(l => l.RefundedQuantity).SingleAsync()));
    }

    [Fact]
    public async Task Refunding_more_than_is_left_is_refused_and_nothing_is_sent()
    {
        var (shop, owner) = await ShopAsync("orders-refund-over");
        var order = await PlaceAsync(shop, pay: true);
        var cups = order.Lines.Single(l => l.Sku == "CUP");

        await owner.PostFormAsync($"/Orders/{order.Id}?handler=Refund", new() { [$"quantities[{cups.Id}]"] = "3" });

        Assert.Contains("вернуть можно от 0 до 2", await owner.GetPageAsync($"/Orders/{order.Id}"));
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Refunds.AnyAsync(r => r.OrderId == order.Id)));
    }

    [Fact]
    public async Task An_unanswered_refund_that_invoicebox_did_create_is_counted_and_no_second_one_is_sent()
    {
        var (shop, owner) = await ShopAsync("orders-refund-lost-found");
        var order = await PlaceAsync(shop, pay: true);
        var cups = order.Lines.Single(l => l.Sku == "CUP");
        var invoiceboxId = await UnansweredRefundAsync(shop.Id, order, cups, createdAtInvoicebox: true);

        await owner.PostFormAsync($"/Orders/{order.Id}?handler=Refund", new() { [$"quantities[{cups.Id}]"] = "1" });

        var refund = Assert.Single(await fx.InTenantAsync(shop.Id, db => db.Refunds.Where(r => r.OrderId == order.Id).ToListAsync()));
        Assert.Equal(RefundStatus.Created, refund.Status);
        Assert.Equal(invoiceboxId, refund.InvoiceboxRefundId);
        Assert.Equal(1m, await RefundedQuantityAsync(shop.Id, cups.Id));
        Assert.Single(await EmulatorRefundsAsync(), r => r.GetProperty("parentId").GetString() == order.InvoiceboxOrderId);
        Assert.Contains("всё-таки создан", await owner.GetPageAsync($"/Orders/{order.Id}"));
    }

    [Fact]
    public async Task An_unanswered_refund_that_invoicebox_does_not_know_is_marked_failed_and_the_new_one_goes_ahead()
    {
        var (shop, owner) = await ShopAsync("orders-refund-lost-missing");
        var order = await PlaceAsync(shop, pay: true);
        var cups = order.Lines.Single(l => l.Sku == "CUP");
        await UnansweredRefundAsync(shop.Id, order, cups, createdAtInvoicebox: false);

        await owner.PostFormAsync($"/Orders/{order.Id}?handler=Refund", new() { [$"quantities[{cups.Id}]"] = "1" });

        var refunds = await fx.InTenantAsync(shop.Id, db => db.Refunds.Where(r => r.OrderId == order.Id).OrderBy(r => r.MerchantRefundId).ToListAsync());
        Assert.Equal([RefundStatus.Failed, RefundStatus.Created], refunds.Select(r => r.Status));
        Assert.Equal($"{order.MerchantOrderId}-R2", refunds[1].MerchantRefundId);
        Assert.Equal(1m, await RefundedQuantityAsync(shop.Id, cups.Id));
        var atInvoicebox = Assert.Single(await EmulatorRefundsAsync(), r => r.GetProperty("parentId").GetString() == order.InvoiceboxOrderId);
        Assert.Equal(refunds[1].InvoiceboxRefundId, atInvoicebox.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_refund_still_being_sent_stops_a_second_one()
    {
        var (shop, owner) = await ShopAsync("orders-refund-in-flight");
        var order = await PlaceAsync(shop, pay: true);
        var cups = order.Lines.Single(l => l.Sku == "CUP");
        await fx.InTenantAsync(shop.Id, async db =>
        {
            db.Refunds.Add(new Refund { OrderId = order.Id, MerchantRefundId = $"{order.MerchantOrderId}-R1", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        await owner.PostFormAsync($"/Orders/{order.Id}?handler=Refund", new() { [$"quantities[{cups.Id}]"] = "1" });

        Assert.Contains("уже создаётся", await owner.GetPageAsync($"/Orders/{order.Id}"));
        Assert.Single(await fx.InTenantAsync(shop.Id, db => db.Refunds.Where(r => r.OrderId == order.Id).ToListAsync()));
        Assert.DoesNotContain(await EmulatorRefundsAsync(), r => r.GetProperty("parentId").GetString() == order.InvoiceboxOrderId);
    }

    [Fact]
    public async Task Cancel_and_refund_are_not_sent_to_an_api_address_outside_the_allow_list()
    {
        var (shop, owner) = await ShopAsync("orders-ssrf");
        var unpaid = await PlaceAsync(shop, pay: false);
        var paid = await PlaceAsync(shop, pay: true);
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.ExecuteUpdateAsync(u => u.SetProperty(s => s.ApiBaseUrl, target)));

        await owner.PostFormAsync($"/Orders/{unpaid.Id}?handler=Cancel", new());
        Assert.Contains("Этот адрес API не разрешён на платформе", await owner.GetPageAsync($"/Orders/{unpaid.Id}"));
        await owner.PostFormAsync($"/Orders/{paid.Id}?handler=Refund", new() { ["all"] = "true" });
        Assert.Contains("Этот адрес API не разрешён на платформе", await owner.GetPageAsync($"/Orders/{paid.Id}"));

        Assert.False(listener.Pending(), "the portal connected to an address outside the allow-list");
        Assert.Equal(OrderStatus.AwaitingPayment, await fx.InTenantAsync(shop.Id, db => db.Orders.Where(o => o.Id == unpaid.Id).Select(o => o.Status).SingleAsync()));
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Refunds.AnyAsync(r => r.OrderId == paid.Id)));
    }

    [Fact]
    public async Task The_filtered_list_exports_as_csv_for_excel()
    {
        var (shop, owner) = await ShopAsync("orders-export");
        var paid = await PlaceAsync(shop, pay: true);
        var waiting = await PlaceAsync(shop, pay: false);

        var response = await owner.GetAsync("/Orders?handler=Export&status=Paid");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("\uFEFFnumber;created_at;status;amount", text);
        Assert.Contains($"{paid.Number};", text);
        Assert.DoesNotContain($"\n{waiting.Number};", text);
        Assert.Contains(paid.Amount.ToRoubles().ToString("0.00", Localization.UiText.Russian), text);
    }

    [Fact]
    public async Task A_refund_shows_in_the_list_and_its_csv_and_comes_off_the_revenue()
    {
        var (shop, owner) = await ShopAsync("orders-refunded");
        var refunded = await PlaceAsync(shop, pay: true);
        var kept = await PlaceAsync(shop, pay: true);
        var cups = refunded.Lines.Single(l => l.Sku == "CUP");
        await owner.PostFormAsync($"/Orders/{refunded.Id}?handler=Refund", new() { [$"quantities[{cups.Id}]"] = "1" });
        var refund = await fx.InTenantAsync(shop.Id, db => db.Refunds.SingleAsync(r => r.OrderId == refunded.Id));
        Assert.Equal(RefundStatus.Created, refund.Status);

        var list = WebUtility.HtmlDecode(await owner.GetPageAsync("/Orders"));
        Assert.Contains($"возвращено {MoneyRu(refund.Amount)}", list);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list, "возвращено"));

        var csv = Encoding.UTF8.GetString(await (await owner.GetAsync("/Orders?handler=Export")).Content.ReadAsByteArrayAsync()).Split("\r\n");
        Assert.EndsWith(";refunded_amount", csv[0]);
        Assert.EndsWith(";" + refund.Amount.ToRoubles().ToString("0.00", Localization.UiText.Russian), csv.Single(l => l.StartsWith($"{refunded.Number};")));
        Assert.EndsWith(";0,00", csv.Single(l => l.StartsWith($"{kept.Number};")));

        var home = WebUtility.HtmlDecode(await owner.GetPageAsync("/"));
        Assert.Contains($"<strong id=\"revenue\">{MoneyRu(refunded.Amount + kept.Amount - refund.Amount)}</strong>", home);
        Assert.Contains($"возвраты {MoneyRu(refund.Amount)} уже вычтены", home);
    }

    [Fact]
    public async Task The_overview_draws_the_last_30_days_as_an_svg_chart()
    {
        var (shop, owner) = await ShopAsync("orders-chart");
        var paid = await PlaceAsync(shop, pay: true);

        var page = WebUtility.HtmlDecode(await owner.GetPageAsync("/"));

        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Equal(30, System.Text.RegularExpressions.Regex.Matches(page, "<rect class=\"bar\"").Count);
        Assert.Contains(MoneyRu(paid.Amount), page);
    }

    private static string MoneyRu(Kopecks amount) => amount.ToRoubles().ToString("N2", Localization.UiText.Russian).Replace('\u202f', '\u00a0') + "\u00a0₽";

    private async Task<(TenantSeeder.SeededTenant Shop, PortalClient Owner)> ShopAsync(string slug)
    {
        var shop = await TenantSeeder.SeedAsync(fx.Data, slug, merchantId: EmulatorMerchant, token: EmulatorToken, apiBaseUrl: fx.EmulatorUrl);
        await fx.CreateUserAsync($"owner@{slug}.test", Platform.Data.Identity.PlatformRoles.Owner, shop.Id);
        return (shop, await fx.SignInAsync($"owner@{slug}.test"));
    }

    /// <summary>An order as the buyer API saves it (accepted, two lines), not yet at Invoicebox.</summary>
    private async Task<(Order Order, Basket Basket)> AddAcceptedAsync(TenantSeeder.SeededTenant shop, DateTimeOffset now, string? email = null, string? phone = null)
    {
        var inputs = new[]
        {
            new BasketLineInput("Чашка", "CUP", new Kopecks(45_050), VatCode.RUS_VAT22, 2, "шт", "796", ItemType.Commodity, PaymentType.FullPrepayment),
            new BasketLineInput("Кофе", "BEAN", new Kopecks(189_000), VatCode.RUS_VAT10_ADDED, 1.5m, "кг", "166", ItemType.Commodity, PaymentType.FullPrepayment),
        };
        var basket = BasketCalculator.Calculate(inputs);
        var order = await fx.InTenantAsync(shop.Id, async db =>
        {
            var o = new Order
            {
                IdempotencyKey = Guid.NewGuid().ToString(), ShopId = shop.ShopId, Mode = MinappType.Order, Amount = basket.Amount, VatAmount = basket.VatAmount,
                BuyerName = "Иван", BuyerEmail = email, BuyerPhone = phone, CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddHours(1),
                Lines = basket.Lines.Select((l, i) => new OrderLine
                {
                    Position = i, ProductId = shop.ProductId, Sku = l.Sku, Name = l.Name, MeasureName = l.MeasureName, MeasureCode = l.MeasureCode,
                    Quantity = l.Quantity, CatalogPrice = l.UnitPrice, UnitPrice = l.UnitGross, Total = l.Total, Vat = l.Vat, VatCode = l.VatCode, ItemType = l.ItemType, PaymentType = l.PaymentType,
                }).ToList(),
                Events = [new OrderEvent { At = now, ToStatus = OrderStatus.Accepted, Source = OrderEventSource.Buyer, Message = "Order placed in the mini-app." }],
            };
            db.Orders.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        return (order, basket);
    }

    /// <summary>An order as the buyer API and the workers leave it: in our database and, with the same number, in the emulator.</summary>
    private async Task<Order> PlaceAsync(TenantSeeder.SeededTenant shop, bool pay, string? email = null, string? phone = null)
    {
        var now = DateTimeOffset.UtcNow;
        var (order, basket) = await AddAcceptedAsync(shop, now, email, phone);
        var number = await fx.InTenantAsync(shop.Id, db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.Number).SingleAsync());
        var client = fx.App.Services.GetRequiredService<IInvoiceboxClientFactory>()
            .Create(new InvoiceboxCredentials(fx.EmulatorUrl, "/v3", EmulatorMerchant, EmulatorToken));
        var created = await client.CreateOrderAsync(CreateOrderRequest.FromBasket(basket, number.ToString(), "Portal test order", now.AddHours(1),
            new Customer { Type = Customer.PrivateType, Name = "Иван" }), CancellationToken.None);
        await fx.InTenantAsync(shop.Id, async db =>
        {
            var states = new OrderStateStore(db, TimeProvider.System);
            await states.TryMoveAsync(order.Id, OrderStatus.Accepted, OrderStatus.AwaitingPayment, OrderEventSource.Worker, "Created in Invoicebox.",
                s => s.SetProperty(o => o.InvoiceboxOrderId, created.Id).SetProperty(o => o.InvoiceboxContainerId, created.OrderContainerId)
                    .SetProperty(o => o.PaymentUrl, created.PaymentUrl));
            if (pay)
            {
                using var http = new HttpClient { BaseAddress = fx.Emulator.BaseAddress };
                (await http.PostAsync($"/_emulator/containers/{created.OrderContainerId}/pay", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
                await states.TryMoveAsync(order.Id, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderEventSource.Notification, "Paid.");
            }
            return 0;
        });
        return await fx.InTenantAsync(shop.Id, db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == order.Id));
    }

    /// <summary>
    /// A one-cup refund as a call without an answer leaves it: our row <see cref="RefundStatus.Unknown"/>, and at
    /// Invoicebox either the refund under that number or nothing. Returns the Invoicebox refund id, if one was created.
    /// </summary>
    private async Task<string?> UnansweredRefundAsync(Guid tenantId, Order order, OrderLine line, bool createdAtInvoicebox)
    {
        var number = $"{order.MerchantOrderId}-R1";
        var basket = BasketCalculator.Calculate([new BasketLineInput(line.Name, line.Sku, line.CatalogPrice, line.VatCode, 1, line.MeasureName, line.MeasureCode, line.ItemType, line.PaymentType)]);
        string? invoiceboxId = null;
        if (createdAtInvoicebox)
        {
            var client = fx.App.Services.GetRequiredService<IInvoiceboxClientFactory>()
                .Create(new InvoiceboxCredentials(fx.EmulatorUrl, "/v3", EmulatorMerchant, EmulatorToken));
            invoiceboxId = (await client.CreateRefundAsync(CreateRefundRequest.FromBasket(order.InvoiceboxOrderId!, number, "lost answer", basket), CancellationToken.None)).Id;
        }
        var sent = DateTimeOffset.UtcNow.AddMinutes(-5);
        await fx.InTenantAsync(tenantId, async db =>
        {
            db.Refunds.Add(new Refund
            {
                OrderId = order.Id, MerchantRefundId = number, Amount = basket.Amount, VatAmount = basket.VatAmount, Status = RefundStatus.Unknown,
                FailureReason = "timeout", CreatedAt = sent, UpdatedAt = sent,
                Lines = [new RefundLine { OrderLineId = line.Id, Quantity = 1, Amount = basket.Lines[0].Total, Vat = basket.Lines[0].Vat }],
            });
            return await db.SaveChangesAsync();
        });
        return invoiceboxId;
    }

    private Task<decimal> RefundedQuantityAsync(Guid tenantId, Guid lineId) =>
        fx.InTenantAsync(tenantId, db => db.OrderLines.Where(l => l.Id == lineId).Select(l => l.RefundedQuantity).SingleAsync());

    private async Task<string> EmulatorStatusAsync(string invoiceboxOrderId)
    {
        using var http = new HttpClient { BaseAddress = fx.Emulator.BaseAddress };
        var body = await http.GetFromJsonAsync<JsonElement>($"/_emulator/orders/{invoiceboxOrderId}");
        return body.GetProperty("data").GetProperty("status").GetString()!;
    }

    private async Task<List<JsonElement>> EmulatorRefundsAsync()
    {
        using var http = new HttpClient { BaseAddress = fx.Emulator.BaseAddress };
        return (await http.GetFromJsonAsync<List<JsonElement>>("/_emulator/refunds"))!;
    }
}
