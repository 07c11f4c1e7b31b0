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
}

/// <summary>An API failure as the page shows it: its kind, the HTTP status if there was one, and the service's own explanation.</summary>
public sealed record ApiError(ApiErrorKind Kind, HttpStatusCode? Status = null, string? Detail = null);

/// <summary>Either the value or the error; pages never see exceptions from API calls.</summary>
public sealed record ApiResult<T>(T? Value, ApiError? Error) where T : class
{
    public bool Succeeded => Error is null && Value is not null;

    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Fail(ApiError error) => new(null, error);
}
