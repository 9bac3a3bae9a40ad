using Platform.Data.Catalog;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Images;

/// <summary>
/// Checks an uploaded picture (product image or shop logo): at most 1 MB, and PNG, JPEG or WebP by its first bytes —
/// never by the file name or the browser's content type, which the uploader controls.
/// </summary>
public static class ImageUpload
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Said for any picture over <see cref="MaxBytes"/>, however it arrives (see <see cref="Shared.UploadLimitAttribute"/>).</summary>
    public static string TooLarge => T("Картинка больше 1 МБ. Уменьшите её и загрузите снова.", "The picture is larger than 1 MB. Make it smaller and upload it again.");

    public sealed record Result(StoredImage? Image, string? Problem);

    public static async Task<Result> ReadAsync(IFormFile file, DateTimeOffset now, CancellationToken ct)
    {
        if (file.Length == 0)
            return new(null, T("Файл пустой.", "The file is empty."));
        if (file.Length > MaxBytes)
            return new(null, TooLarge);
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream())
            await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var contentType = Sniff(bytes);
        return contentType is null
            ? new(null, T("Подходят только картинки PNG, JPEG или WebP.", "Only PNG, JPEG or WebP pictures are accepted."))
            : new(new StoredImage { ContentType = contentType, Content = bytes, CreatedAt = now }, null);
    }

    /// <summary>The content type the bytes' signature proves, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }
}
