using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Data.Secrets;

/// <summary>
/// The Data Protection key ring lives in PostgreSQL next to the data it protects, so the keys themselves are encrypted
/// (AES-256-GCM) with a master key that never touches the database (configuration <c>DataProtection:MasterKey</c>,
/// base64 of 32 bytes, from the environment or a secret store).
/// </summary>
public sealed class MasterKeyOptions
{
    public string MasterKey { get; set; } = "";

    public byte[] KeyBytes()
    {
        byte[] key;
        try { key = Convert.FromBase64String(MasterKey); }
        catch (FormatException) { throw new InvalidOperationException("DataProtection:MasterKey must be base64 of 32 random bytes."); }
        return key.Length == 32 ? key : throw new InvalidOperationException("DataProtection:MasterKey must be base64 of 32 random bytes.");
    }
}

public sealed class MasterKeyXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the platform master key (AES-256-GCM). "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Created by Data Protection through its (IServiceProvider) constructor when it reads an encrypted key.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        Decrypt(encryptedElement, services.GetRequiredService<IOptions<MasterKeyOptions>>().Value.KeyBytes());

    /// <exception cref="AuthenticationTagMismatchException">The element was encrypted with another master key.</exception>
    public static XElement Decrypt(XElement encryptedElement, byte[] key)
    {
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length))
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}
