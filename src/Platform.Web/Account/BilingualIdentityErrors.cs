using Microsoft.AspNetCore.Identity;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>Identity's messages in the merchant's language. Sign-in is by e-mail, so user-name messages speak of e-mail.</summary>
public sealed class BilingualIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = T("Пользователь с таким e-mail уже есть.", "There is already an account with this e-mail.") };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = T("Пользователь с таким e-mail уже есть.", "There is already an account with this e-mail.") };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = T("Неверный адрес e-mail.", "The e-mail address is not valid.") };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = T("Неверный адрес e-mail.", "The e-mail address is not valid.") };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = T($"Пароль должен быть не короче {length} символов.", $"The password must be at least {length} characters long.") };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = T($"В пароле должно быть хотя бы {uniqueChars} разных символа.", $"The password needs at least {uniqueChars} different characters.") };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = T("В пароле должна быть цифра.", "The password needs a digit.") };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = T("В пароле должна быть строчная буква.", "The password needs a lowercase letter.") };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = T("В пароле должна быть заглавная буква.", "The password needs an uppercase letter.") };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = T("В пароле должен быть знак, не буква и не цифра.", "The password needs a character that is neither a letter nor a digit.") };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = T("Ссылка устарела или уже использована. Запросите новую.", "The link has expired or was already used. Ask for a new one.") };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = T("Неверный пароль.", "Wrong password.") };

    public override IdentityError UserAlreadyHasPassword() =>
        new() { Code = nameof(UserAlreadyHasPassword), Description = T("Пароль уже задан.", "The password is already set.") };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = T("Что-то пошло не так. Попробуйте ещё раз.", "Something went wrong. Please try again.") };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = T("Данные изменились, попробуйте ещё раз.", "The data changed meanwhile; please try again.") };
}
