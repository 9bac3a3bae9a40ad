using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class ValidationTests : EmulatorTest
{
    private const string Create = "/v3/billing/api/order/order";

    private static string[] FieldNames(ApiReply reply) =>
        [.. reply.Body!["error"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>())];

    [Fact]
    public async Task Missing_required_fields_are_a_validation_error_listing_each_field()
    {
        var order = OrderRequests.WorkedExample();
        order.Remove("description");
        order["basketItems"]![0]!.AsObject().Remove("vatCode");

        var reply = await Client.Post(Create, order);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("validation", reply.ErrorCode);
        Assert.Equal(["description", "basketItems[0].vatCode"], FieldNames(reply));
    }

    [Fact]
    public async Task Too_long_description_is_a_validation_error()
    {
        var order = OrderRequests.WorkedExample();
        order["description"] = new string('я', 1001);

        var reply = await Client.Post(Create, order);

        Assert.Equal("validation", reply.ErrorCode);
        Assert.Equal("max_length", reply.Body!["error"]!["fields"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("vatCode", "RUS_VAT18")]
    [InlineData("type", "goods")]
    [InlineData("paymentType", "credit")]
    public async Task Values_outside_an_enum_are_a_validation_error(string field, string value)
    {
        var order = OrderRequests.WorkedExample();
        order["basketItems"]![0]![field] = value;

        var reply = await Client.Post(Create, order);

        Assert.Equal("validation", reply.ErrorCode);
        Assert.Equal([$"basketItems[0].{field}"], FieldNames(reply));
    }

    [Fact]
    public async Task Item_type_may_be_a_tag_1212_number()
    {
        var order = OrderRequests.WorkedExample();
        order["basketItems"]![0]!["type"] = 4;

        var reply = await Client.Post(Create, order);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(4, reply.Data["basketItems"]![0]!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Money_with_three_decimals_is_a_validation_error()
    {
        var order = OrderRequests.WorkedExample();
        order["basketItems"]![1]!["amount"] = 150.001m;

        var reply = await Client.Post(Create, order);

        Assert.Equal("validation", reply.ErrorCode);
        Assert.Equal(["basketItems[1].amount"], FieldNames(reply));
    }

    [Fact]
    public async Task Amounts_may_be_numeric_strings()
    {
        var order = OrderRequests.WorkedExample();
        order["amount"] = "1350.00";
        order["basketItems"]![1]!["totalAmount"] = "150";

        var reply = await Client.Post(Create, order);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("1350.00", reply.Data["amount"]!.ToJsonString());
    }

    [Fact]
    public async Task Quantity_with_four_decimals_is_a_validation_error()
    {
        var order = OrderRequests.WorkedExample();
        order["basketItems"]![1]!["quantity"] = 1.0001m;

        var reply = await Client.Post(Create, order);

        Assert.Equal(["basketItems[1].quantity"], FieldNames(reply));
    }

    [Fact]
    public async Task Expiration_date_in_the_past_is_rejected()
    {
        var order = OrderRequests.WorkedExample();
        order["expirationDate"] = "2020-01-01T00:00:00+00:00";

        var reply = await Client.Post(Create, order);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("wrong_expiration_date", reply.ErrorCode);
    }

    [Fact]
    public async Task Currency_outside_the_dictionary_is_rejected()
    {
        var order = OrderRequests.WorkedExample();
        order["currencyId"] = "XYZ";

        Assert.Equal("wrong_currency", (await Client.Post(Create, order)).ErrorCode);
    }

    [Fact]
    public async Task Language_other_than_ru_or_en_is_rejected()
    {
        var order = OrderRequests.WorkedExample();
        order["languageId"] = "de";

        Assert.Equal("language_not_found", (await Client.Post(Create, order)).ErrorCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var reply = await Client.PostRaw(Create, """{"merchantId": """);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotNull(reply.ErrorCode);
    }

    [Fact]
    public async Task Second_order_with_the_same_merchant_order_id_is_a_duplicate()
    {
        await Client.CreateOrder(OrderRequests.WorkedExample(merchantOrderId: "DUP-1"));

        var reply = await Client.Post(Create, OrderRequests.WorkedExample(merchantOrderId: "DUP-1"));

        Assert.Equal("merchant_order_id_duplicate", reply.ErrorCode);
    }

    [Fact]
    public async Task Same_merchant_order_id_of_another_merchant_is_not_a_duplicate()
    {
        await Client.CreateOrder(OrderRequests.WorkedExample(merchantOrderId: "DUP-2"));

        var reply = await Client.Post(Create, OrderRequests.WorkedExample(TestMerchants.RomashkaId, "DUP-2"), TestMerchants.RomashkaToken);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Unknown_fields_are_accepted_and_not_echoed()
    {
        var order = OrderRequests.WorkedExample();
        order["vatRate"] = 20;

        var reply = await Client.Post(Create, order);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Null(reply.Data["vatRate"]);
    }
}

public sealed class DuplicateRuleOffTests : EmulatorTest
{
    protected override void Configure(EmulatorOptions options) => options.MerchantOrderIdUnique = false;

    [Fact]
    public async Task With_the_duplicate_rule_off_a_repeated_merchant_order_id_is_accepted()
    {
        await Client.CreateOrder(OrderRequests.WorkedExample(merchantOrderId: "DUP-3"));

        var second = await Client.CreateOrder(OrderRequests.WorkedExample(merchantOrderId: "DUP-3"));

        Assert.Equal("DUP-3", second["merchantOrderId"]!.GetValue<string>());
    }
}
