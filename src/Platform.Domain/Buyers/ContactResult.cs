using System.Diagnostics.CodeAnalysis;

namespace Platform.Domain.Buyers;

/// <summary>Why a contact value was refused: a stable machine <paramref name="Code"/> the front end translates, and an English sentence.</summary>
public sealed record ContactProblem(string Code, string Message);

/// <summary>Either a normalized contact value or the one <see cref="ContactProblem"/> that refused it.</summary>
public sealed record ContactResult<T> where T : class
{
    private ContactResult(T? value, ContactProblem? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }
    public ContactProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Problem is null;

    public static ContactResult<T> Valid(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ContactResult<T> Invalid(string code, string message) => new(null, new ContactProblem(code, message));
}
