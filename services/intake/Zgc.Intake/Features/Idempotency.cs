using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features;

/// <summary>
/// <c>Idempotency-Key</c> on creating and submitting (DESIGN.md, Input): a client that retries after a lost answer
/// gets the first answer again instead of a second application or a 409. The answer is stored in the same
/// transaction as the change it reports. Keys are per caller and per operation.
/// </summary>
internal static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string Rule = "idempotency-key";

    /// <summary>The key of this request, or null when none was sent.</summary>
    public static string? KeyOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var key = http.Request.Headers[Header].ToString().Trim();
        if (key.Length == 0)
        {
            return null;
        }

        return key.Length > IdempotencyRecord.MaxKeyLength
            ? throw new RuleViolationException(Header, Rule, $"An Idempotency-Key has at most {IdempotencyRecord.MaxKeyLength} characters.",
                $"Idempotency-Key 不超过{IdempotencyRecord.MaxKeyLength}个字符。")
            : key;
    }

    /// <summary>
    /// The stored answer when this key was used before with the same body; throws 422 when it was used with a
    /// different body; null when the key is new (or absent) and the request should run.
    /// </summary>
    public static async Task<IResult?> Replay(HttpContext http, IntakeDbContext db, string operation, object? request, CancellationToken cancellationToken)
    {
        var key = KeyOf(http);
        if (key is null)
        {
            return null;
        }

        var caller = http.User.UserId();
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Caller == caller && r.Operation == operation && r.Key == key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (stored.RequestHash != Hash(http, request))
        {
            throw new RuleViolationException(Header, Rule,
                $"The Idempotency-Key '{key}' was already used with a different request body; use a new key for a new request.",
                $"Idempotency-Key“{key}”已用于内容不同的请求；新的请求请使用新的键。", StatusCodes.Status422UnprocessableEntity);
        }

        if (stored.Location is not null)
        {
            http.Response.Headers.Location = stored.Location;
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Content(stored.ResponseJson, "application/json", Encoding.UTF8, stored.StatusCode);
    }

    /// <summary>Adds the answer to the unit of work; it is saved with the change it reports.</summary>
    public static void Remember(HttpContext http, IntakeDbContext db, string operation, object? request, int statusCode, object response,
        string? location, DateTimeOffset now)
    {
        var key = KeyOf(http);
        if (key is null)
        {
            return;
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Caller = http.User.UserId(),
            Operation = operation,
            Key = key,
            RequestHash = Hash(http, request),
            StatusCode = statusCode,
            ResponseJson = JsonSerializer.Serialize(response, response.GetType(), JsonOptions(http)),
            Location = location,
            CreatedAt = now,
        });
    }

    private static string Hash(HttpContext http, object? request)
    {
        var json = request is null ? "null" : JsonSerializer.Serialize(request, request.GetType(), JsonOptions(http));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
}
