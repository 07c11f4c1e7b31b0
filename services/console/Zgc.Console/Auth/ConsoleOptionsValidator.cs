using Microsoft.Extensions.Options;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Auth;

/// <summary>Refuses to start with a configured user that has no name, a duplicate name or an unknown role.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.DevPassword))
        {
            failures.Add("Console:DevPassword must not be empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add($"Console:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute URL.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            if (string.IsNullOrWhiteSpace(user.UserName))
            {
                failures.Add($"Console:Users:{i}:UserName is required.");
                continue;
            }

            if (!seen.Add(user.UserName.Trim()))
            {
                failures.Add($"Console:Users:{i}: the user name '{user.UserName}' appears twice.");
            }

            if (user.Roles.Count == 0)
            {
                failures.Add($"Console:Users:{i} ({user.UserName}) needs at least one role.");
            }

            if (!string.IsNullOrEmpty(user.PasswordHash) && !IsIdentityV3Hash(user.PasswordHash))
            {
                failures.Add($"Console:Users:{i} ({user.UserName}): PasswordHash is not an ASP.NET Core Identity v3 hash (make one with --hash-password).");
            }

            failures.AddRange(user.Roles.Where(r => !Roles.All.Contains(r))
                .Select(r => $"Console:Users:{i} ({user.UserName}): unknown role '{r}'; known roles: {string.Join(", ", Roles.All)}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Base64 of format marker 0x01 followed by PRF, iterations, salt length, salt and subkey (at least 13 + 16 + 32 bytes).</summary>
    private static bool IsIdentityV3Hash(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 61 && bytes[0] == 0x01;
    }
}
