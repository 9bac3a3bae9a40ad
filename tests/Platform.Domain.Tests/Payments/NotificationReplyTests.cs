using System.Text.Json;
using Platform.Domain.Payments;

namespace Platform.Domain.Tests.Payments;

public class NotificationReplyTests
{
    [Fact]
    public void Success_serializes_to_the_status_alone() =>
        Assert.Equal("""{"status":"success"}""", JsonSerializer.Serialize(NotificationReply.Success));

    [Fact]
    public void Error_carries_code_and_message()
    {
        var json = JsonSerializer.Serialize(NotificationReply.Error(NotificationReplyCodes.OrderWrongAmount, "expected 1350.00"));

        Assert.Equal("""{"status":"error","code":"order_wrong_amount","message":"expected 1350.00"}""", json);
    }

    [Fact]
    public void Error_without_message_omits_it() =>
        Assert.Equal("""{"status":"error","code":"signature_error"}""",
            JsonSerializer.Serialize(NotificationReply.Error(NotificationReplyCodes.SignatureError)));

    [Fact]
    public void Long_messages_are_cut_to_the_invoicebox_limit() =>
        Assert.Equal(NotificationReply.MaxMessageLength, NotificationReply.Error("out_of_service", new string('x', 900)).Message!.Length);

    [Fact]
    public void Codes_are_spelled_as_invoicebox_expects()
    {
        Assert.Equal("out_of_service", NotificationReplyCodes.OutOfService);
        Assert.Equal("order_wrong_amount", NotificationReplyCodes.OrderWrongAmount);
        Assert.Equal("order_already_paid", NotificationReplyCodes.OrderAlreadyPaid);
        Assert.Equal("order_not_found", NotificationReplyCodes.OrderNotFound);
        Assert.Equal("shipping_unavailable", NotificationReplyCodes.ShippingUnavailable);
        Assert.Equal("signature_error", NotificationReplyCodes.SignatureError);
    }
}
