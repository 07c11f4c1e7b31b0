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

            failures.AddRange(user.Roles.Where(r => !Roles.All.Contains(r))
                .Select(r => $"Console:Users:{i} ({user.UserName}): unknown role '{r}'; known roles: {string.Join(", ", Roles.All)}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
