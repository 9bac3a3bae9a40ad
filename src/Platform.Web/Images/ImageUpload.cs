using Platform.Data.Catalog;
using SkiaSharp;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Images;

/// <summary>
/// Checks an uploaded picture (product image or shop logo): at most 1 MB; PNG, JPEG or WebP by its bytes — never by the
/// file name or the browser's content type, which the uploader controls; at most <see cref="MaxSide"/> pixels a side;
/// and whole: it is decoded once (SkiaSharp), so a cut-off or corrupt file, or a small file that would unpack into a
/// huge bitmap on a buyer's phone, is refused here rather than shown broken.
/// </summary>
public static class ImageUpload
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxSide = 4096;

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
        if (contentType is null)
            return new(null, T("Подходят только картинки PNG, JPEG или WebP.", "Only PNG, JPEG or WebP pictures are accepted."));
        return Decode(bytes) is { } problem
            ? new(null, problem)
            : new(new StoredImage { ContentType = contentType, Content = bytes, CreatedAt = now }, null);
    }

    /// <returns>Null when the picture decodes whole within the size limit, else why not.</returns>
    private static string? Decode(byte[] bytes)
    {
        var broken = T("Картинка повреждена или загружена не целиком. Сохраните её заново и загрузите снова.",
            "The picture is damaged or incomplete. Save it again and upload it once more.");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return broken;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide)
            return T($"Картинка {width}×{height} точек слишком большая: подходит не больше {MaxSide} точек по каждой стороне.",
                $"The picture is {width}×{height} pixels, too large: at most {MaxSide} pixels a side.");
        using var bitmap = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success ? null : broken;
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
