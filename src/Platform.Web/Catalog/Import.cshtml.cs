using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Shared;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Catalog;

/// <summary>
/// CSV import in two steps: upload → preview with per-row errors → save. The file travels back with the confirmation
/// (base64 in the form) and is checked again before saving, so the server keeps no state between the two steps.
/// </summary>
[UploadLimit(UploadKind.CatalogCsv)]
public sealed class ImportModel(ProductCsv csv) : PageModel
{
    public ImportPreview? Preview { get; private set; }
    public string FileContent { get; private set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", T("Выберите файл.", "Choose a file."));
            return Page();
        }
        if (file.Length > ProductCsv.MaxFileBytes)
        {
            ModelState.AddModelError("", ProductCsv.TooLarge);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        Preview = await csv.PreviewAsync(bytes, ct);
        FileContent = Convert.ToBase64String(bytes);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? content, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            return BadRequest();
        }
        if (bytes.Length == 0 || bytes.Length > ProductCsv.MaxFileBytes)
            return BadRequest();
        var preview = await csv.PreviewAsync(bytes, ct);
        if (!preview.CanApply)
        {
            Preview = preview;
            FileContent = content!;
            return Page();
        }
        var changed = await csv.ApplyAsync(preview, ct);
        TempData["Notice"] = T($"Каталог обновлён: добавлено {preview.NewCount}, изменено {preview.UpdatedCount}.",
            $"The catalog is updated: {preview.NewCount} added, {preview.UpdatedCount} changed.");
        return RedirectToPage("/Catalog/Index");
    }
}
