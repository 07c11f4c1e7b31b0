using System.Globalization;
using Microsoft.Net.Http.Headers;
using Zgc.SharedKernel;

namespace Zgc.Workflows.Features;

/// <summary>
/// The instance page's conditional and long-poll requests: its entity tag is the instance's version, <c>If-None-Match</c>
/// with that tag answers 304 without the body, and <c>Prefer: wait=N</c> (RFC 7240) holds such a request — or one for an
/// instance that does not exist yet — until the instance changes, up to N seconds.
/// </summary>
/// <remarks>
/// Why: the console and the operators' tools, like the simulated users of the programme bench, wait for an instance to
/// reach a state by reading it again and again; every read was three queries and the whole history as JSON. A watcher
/// now asks once and is answered when there is something new (docs/performance.md, fix 48).
/// </remarks>
internal static class InstanceWatch
{
    public const string PreferHeader = "Prefer";
    public const string PreferenceAppliedHeader = "Preference-Applied";

    /// <summary>
    /// The instance's entity tag: weak, because the page's timers say how long each has left, which changes with the clock
    /// while the instance does not.
    /// </summary>
    public static string Tag(int version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Whether the request's <c>If-None-Match</c> names the instance's current version (or <c>*</c>).</summary>
    public static bool Unchanged(HttpRequest request, int version)
    {
        var values = request.Headers.IfNoneMatch;
        if (values.Count == 0 || !EntityTagHeaderValue.TryParseList(values, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\"", isWeak: true);
        // If-None-Match compares weakly (RFC 9110 §13.1.2): W/"7" and "7" both match version 7.
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>
    /// The wait the request prefers (<c>Prefer: wait=N</c>, whole seconds), cut to <paramref name="max"/>; zero without one.
    /// </summary>
    /// <exception cref="RuleViolationException">The <c>wait</c> preference is not a whole number of seconds.</exception>
    public static TimeSpan RequestedWait(HttpRequest request, TimeSpan max)
    {
        foreach (var header in request.Headers[PreferHeader])
        {
            foreach (var preference in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // "wait=10" or "wait=10; param": the preference's own value comes before any parameters.
                var token = preference.Split(';', 2)[0];
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? token : token[..equals]).Trim();
                if (!name.Equals("wait", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // other preferences are not ours to judge (RFC 7240 §2)
                }

                var value = equals < 0 ? "" : token[(equals + 1)..].Trim().Trim('"');
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    throw new RuleViolationException(PreferHeader, "watch",
                        $"The Prefer header's wait must be a whole number of seconds (e.g. \"Prefer: wait=10\"); it was \"{value}\".",
                        $"Prefer 请求头中的 wait 须为整数秒（如 \"Prefer: wait=10\"），实际为 \"{value}\"。");
                }

                var wait = TimeSpan.FromSeconds(seconds);
                return wait < max ? wait : max;
            }
        }

        return TimeSpan.Zero;
    }
}
