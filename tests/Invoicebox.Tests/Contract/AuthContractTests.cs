using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using static Invoicebox.Tests.Contract.EmulatorMerchants;

namespace Invoicebox.Tests.Contract;

public class AuthContractTests : EmulatorTestBase
{
    [Theory]
    [InlineData("/v3")]
    [InlineData("/l3")]
    public async Task A_known_token_is_accepted_with_its_user_id(string prefix)
    {
        var check = await Harness.Client(Coffee, prefix).CheckAuthAsync(CancellationToken.None);

        Assert.True(check.TokenAccepted);
        Assert.False(string.IsNullOrEmpty(check.UserId));
    }

    [Fact]
    public async Task An_unknown_token_is_refused_with_401_and_a_request_id()
    {
        var check = await Harness.Client(Coffee.MerchantId, "ffffffffffffffffffffffffffffffff").CheckAuthAsync(CancellationToken.None);

        Assert.False(check.TokenAccepted);
        Assert.Equal(401, check.StatusCode);
        Assert.Equal("unauthorized", check.ErrorCode);
        Assert.False(string.IsNullOrEmpty(check.RequestId));
    }

    [Fact]
    public async Task Creating_with_an_unknown_token_is_a_credentials_error()
    {
        var client = Harness.Client(Coffee.MerchantId, "ffffffffffffffffffffffffffffffff");

        var error = await Assert.ThrowsAsync<InvoiceboxCredentialsException>(() =>
            client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("unauthorized", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Creating_for_another_merchant_is_forbidden()
    {
        var request = EmulatorHarness.Order(EmulatorHarness.TicketAndFee()) with { MerchantId = Flowers.MerchantId };

        var error = await Assert.ThrowsAsync<InvoiceboxCredentialsException>(() =>
            Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("forbidden", error.ErrorCode);
    }

    [Fact]
    public async Task Reading_another_merchants_order_is_forbidden()
    {
        var order = await Harness.Client(Coffee).CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceboxCredentialsException>(() =>
            Harness.Client(Flowers).CancelOrderAsync(order.Id, CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task The_token_is_not_in_any_log_line_of_a_real_exchange()
    {
        await Harness.Client(Coffee).CheckAuthAsync(CancellationToken.None);
        await Harness.Client(Coffee).ListOrdersAsync(new OrderFilter(), CancellationToken.None);

        Assert.NotEmpty(Harness.Logs.Lines);
        Assert.DoesNotContain(Harness.Logs.Lines, line => line.Contains(Coffee.Token));
    }
}
