using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Zgc.ServiceDefaults;

/// <summary>
/// Which field a request that could not be bound got wrong. Minimal APIs name the parameter in the message of their
/// <see cref="BadHttpRequestException"/> (<c>Failed to bind parameter "Guid? applicationId" from "x".</c>,
/// <c>Required parameter "int year" was not provided from route.</c>); a body that is not the expected JSON carries the
/// reader's <see cref="JsonException"/>, whose path names the field inside the body.
/// </summary>
internal static partial class BindingFailure
{
    public static string? Field(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 0 } path })
        {
            return path;
        }

        var match = ParameterName().Match(exception.Message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    // The quoted part is "<type> <name>"; the name is its last word (types may hold spaces only inside generics, e.g. "List<int> ids").
    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[^" ]+)" """, RegexOptions.CultureInvariant, 100)]
    private static partial Regex ParameterName();
}
