using System.Text;
using Platform.Domain.Payments;

namespace Platform.Domain.Tests.Payments;

public class NotificationSignatureTests
{
    private const string Key = "test-notification-key";
    private const string ExpectedSignature = "056ae0e2acc7ea17bc572dba03cbb72e8cb56b01";

    private static byte[] ReferenceBody() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payments", "Resources", "notification-10.4.json"));

    [Fact]
    public void Reference_vector_body_is_exactly_1218_bytes_without_a_trailing_newline()
    {
        var body = ReferenceBody();

        Assert.Equal(1218, body.Length);
        Assert.Equal((byte)'}', body[^1]);
    }

    [Fact]
    public void Signature_of_the_reference_vector_matches_byte_for_byte() =>
        Assert.Equal(ExpectedSignature, NotificationSignature.Compute(ReferenceBody(), Key));

    [Fact]
    public void Reference_vector_verifies() =>
        Assert.True(NotificationSignature.Verify(ReferenceBody(), Key, ExpectedSignature));

    [Fact]
    public void One_changed_byte_in_the_body_fails_verification()
    {
        var body = ReferenceBody();
        var amount = Encoding.UTF8.GetBytes("\"amount\":1350.00");
        var at = body.AsSpan().IndexOf(amount) + amount.Length - 1;
        body[at] = (byte)'1'; // 1350.00 → 1350.01

        Assert.False(NotificationSignature.Verify(body, Key, ExpectedSignature));
    }

    [Fact]
    public void Re_serialized_json_does_not_verify()
    {
        // The same document without the PHP-style \/ escapes: equal as JSON, different as bytes.
        var body = Encoding.UTF8.GetString(ReferenceBody()).Replace("\\/", "/");

        Assert.False(NotificationSignature.Verify(Encoding.UTF8.GetBytes(body), Key, ExpectedSignature));
    }

    [Fact]
    public void Upper_case_hex_and_surrounding_spaces_in_the_header_are_accepted() =>
        Assert.True(NotificationSignature.Verify(ReferenceBody(), Key, " " + ExpectedSignature.ToUpperInvariant() + " "));

    [Fact]
    public void A_different_key_fails_verification() =>
        Assert.False(NotificationSignature.Verify(ReferenceBody(), "another-key", ExpectedSignature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not hex at all")]
    [InlineData("056ae0e2acc7ea17bc572dba03cbb72e8cb56b0")]
    [InlineData("056ae0e2acc7ea17bc572dba03cbb72e8cb56b01ff")]
    [InlineData("zz6ae0e2acc7ea17bc572dba03cbb72e8cb56b01")]
    [InlineData("sha1=056ae0e2acc7ea17bc572dba03cbb72e8cb56b01")]
    public void Missing_or_malformed_headers_fail_without_throwing(string? header) =>
        Assert.False(NotificationSignature.Verify(ReferenceBody(), Key, header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_key_never_verifies(string? key) =>
        Assert.False(NotificationSignature.Verify(ReferenceBody(), key, ExpectedSignature));

    [Fact]
    public void Computed_signatures_are_lowercase_hex_of_40_characters()
    {
        var signature = NotificationSignature.Compute("{}"u8, "k");

        Assert.Matches("^[0-9a-f]{40}$", signature);
    }
}
