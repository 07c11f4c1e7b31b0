namespace Zgc.HealthProbe;

/// <summary>
/// One HTTP GET, for a container HEALTHCHECK: exit code 0 when the URL answers 2xx within the timeout, 1 otherwise
/// (refused, timed out, any other status), 2 for a bad command line. Prints one line saying why.
/// </summary>
public static class Probe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await System.Console.Error.WriteLineAsync("usage: Zgc.HealthProbe <http(s) url>");
            return 2;
        }

        var (healthy, reason) = await Check(url, DefaultTimeout);
        System.Console.WriteLine(reason);
        return healthy ? 0 : 1;
    }

    public static async Task<(bool Healthy, string Reason)> Check(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var code = (int)response.StatusCode;
            return (response.IsSuccessStatusCode, $"{url} answered {code}");
        }
        catch (HttpRequestException e)
        {
            return (false, $"{url} unreachable: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            return (false, $"{url} did not answer within {timeout.TotalSeconds} s");
        }
    }
}
