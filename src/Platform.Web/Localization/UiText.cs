using System.Globalization;

namespace Platform.Web.Localization;

/// <summary>
/// The portal speaks Russian by default and English on request (culture cookie). Every sentence is written once in
/// both languages where it is used — <c>T("Сохранить", "Save")</c> — so the two never drift apart in separate files.
/// </summary>
public static class UiText
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The current two-letter language: <c>ru</c> or <c>en</c>.</summary>
    public static string Language => IsEnglish ? "en" : "ru";

    public static string T(string russian, string english) => IsEnglish ? english : russian;
}
