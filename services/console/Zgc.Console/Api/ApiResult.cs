using System.Net;

namespace Zgc.Console.Api;

/// <summary>Why an API call gave no data; each kind has a text <c>error.{Kind}</c> in <see cref="Localization.UiText"/>.</summary>
public enum ApiErrorKind
{
    SignedOut,
    Unauthorized,
    Forbidden,
    NotFound,
    Unreachable,
    Timeout,
    ServerError,
    BadResponse,

    /// <summary>400/422: the service refused the input; <see cref="ApiError.Fields"/> names each field and its rule.</summary>
    Invalid,

    /// <summary>409: not allowed in the record's current state (or it changed meanwhile).</summary>
    Conflict,

    /// <summary>413: the request or file is too large.</summary>
    TooLarge,

    /// <summary>429: too many requests; try again later.</summary>
    TooManyRequests,
}

/// <summary>
/// An API failure as the page shows it: its kind, the HTTP status if there was one, the service's own explanation, and
/// the field errors of a refused input (field path as the service names it, e.g. <c>team.fullTimeStaff</c> → messages).
/// </summary>
public sealed record ApiError(ApiErrorKind Kind, HttpStatusCode? Status = null, string? Detail = null, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    /// <summary>The messages for <paramref name="field"/> (case-insensitive; the service's JSON names), empty when none.</summary>
    public IReadOnlyList<string> For(string field) =>
        Fields is null ? [] : [.. Fields.Where(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(f => f.Value)];
}

/// <summary>Either the value or the error; pages never see exceptions from API calls.</summary>
public sealed record ApiResult<T>(T? Value, ApiError? Error) where T : class
{
    public bool Succeeded => Error is null && Value is not null;

    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Fail(ApiError error) => new(null, error);
}
