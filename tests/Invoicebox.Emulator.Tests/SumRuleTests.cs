using System.Net;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Tests;

public sealed class SumRuleTests : EmulatorTest
{
    private const string Create = "/v3/billing/api/order/order";

    [Fact]
    public async Task Worked_example_of_the_reference_is_accepted()
    {
        var reply = await Client.Post(Create, OrderRequests.WorkedExample());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("1350.00", reply.Data["amount"]!.ToJsonString());
    }

    [Theory]
    [InlineData("wrong_total_amount", "amount", "1350.01")]
    [InlineData("wrong_total_vat_amount", "vatAmount", "200.01")]
    [InlineData("wrong_basket_item_total_amount", "basketItems[0].totalAmount", null)]
    [InlineData("wrong_basket_item_total_vat_amount", "basketItems[0].totalVatAmount", null)]
    [InlineData("wrong_basket_item_amount_wo_vat", "basketItems[0].amountWoVat", null)]
    public async Task Each_sum_rule_rejects_a_kopeck_off(string code, string field, string? orderValue)
    {
        var order = OrderRequests.WorkedExample();
        var line = order["basketItems"]![0]!.AsObject();
        switch (code)
        {
            case "wrong_total_amount": order["amount"] = JsonNode.Parse(orderValue!); break;
            case "wrong_total_vat_amount": order["vatAmount"] = JsonNode.Parse(orderValue!); break;
            case "wrong_basket_item_total_amount":
                line["totalAmount"] = 1200.01m;
                order["amount"] = 1350.01m;
                break;
            case "wrong_basket_item_total_vat_amount":
                line["totalVatAmount"] = 200.01m;
                order["vatAmount"] = 200.01m;
                break;
            case "wrong_basket_item_amount_wo_vat": line["amountWoVat"] = 500.01m; break;
        }

        var reply = await Client.Post(Create, order);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal(code, reply.ErrorCode);
        Assert.Equal(field, reply.Body!["error"]!["fields"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("wrong_value", reply.Body!["error"]!["fields"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    // 33.33 × 3 = 99.99; VAT 20/120 of 99.99 = 16.665 → 16.67 (half up); 33.33 × 100/120 = 27.775 → 27.78
    [InlineData("99.99", "3", "33.33", "27.78", "16.67", "RUS_VAT20")]
    // fractional quantity: 0.333 × 100.00 = 33.3; VAT 10/110 of 33.30 = 3.0272 → 3.03; 100 × 100/110 = 90.909 → 90.91
    [InlineData("33.30", "0.333", "100.00", "90.91", "3.03", "RUS_VAT10")]
    // _ADDED codes use the same formula in the team definition
    [InlineData("122.00", "1", "122.00", "100.00", "22.00", "RUS_VAT22_ADDED")]
    [InlineData("105.00", "1", "105.00", "100.00", "5.00", "RUS_VAT5")]
    [InlineData("10.70", "1", "10.70", "10.00", "0.70", "RUS_VAT7")]
    [InlineData("0.01", "1", "0.01", "0.01", "0", "RUS_VAT0")]
    public async Task Lines_computed_by_the_rules_with_half_up_rounding_are_accepted(string total, string quantity, string price, string priceWoVat, string vat, string vatCode)
    {
        var reply = await Client.Post(Create, OrderRequests.OneLine(TestMerchants.ZernoId, total, quantity, price, priceWoVat, vat, vatCode));

        Assert.True(reply.Status == HttpStatusCode.OK, reply.Body?.ToJsonString());
    }

    [Fact]
    public async Task Half_down_rounding_of_a_line_vat_is_rejected()
    {
        var reply = await Client.Post(Create, OrderRequests.OneLine(TestMerchants.ZernoId, "99.99", "3", "33.33", "27.78", "16.66", "RUS_VAT20"));

        Assert.Equal("wrong_basket_item_total_vat_amount", reply.ErrorCode);
    }

    [Theory]
    [InlineData(1999, 10, 182)]   // 19.99 × 10/110 = 1.8172… → 1.82
    [InlineData(12000, 20, 2000)]
    [InlineData(55, 10, 5)]       // 0.55 × 10/110 = 0.05 exactly
    [InlineData(11, 10, 1)]       // 0.11 × 10/110 = 0.01
    [InlineData(3, 20, 1)]        // 0.03 × 20/120 = 0.005 → 0.01 (half up)
    public void Line_vat_is_rounded_half_up_in_kopecks(long total, int rate, long expected)
    {
        Assert.Equal(new Kopecks(expected), BasketRules.LineVat(new Kopecks(total), rate));
    }
}
