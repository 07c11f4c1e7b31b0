using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Zgc.Console.Api;

/// <summary>
/// Where the services' APIs are: <c>Console:ApiBaseUrl</c> when set; otherwise the address this server listens on
/// (plain HTTP preferred, a wildcard host read as localhost), which is right in the standalone host. Null when neither
/// is known (an in-memory test server); the caller then falls back to the page's own base URI.
/// </summary>
public sealed class ApiBaseAddress(IOptionsMonitor<ConsoleOptions> options, IServer server)
{
    public Uri? Resolve()
    {
        var configured = options.CurrentValue.ApiBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return WithTrailingSlash(new Uri(configured, UriKind.Absolute));
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return null;
        }

        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();
        try
        {
            var binding = BindingAddress.Parse(chosen);
            if (binding.IsUnixPipe || binding.IsNamedPipe)
            {
                return null;
            }

            var host = binding.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : binding.Host;
            return WithTrailingSlash(new UriBuilder(binding.Scheme, host, binding.Port, binding.PathBase).Uri);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>So that relative paths append to a base with a path (<c>http://gateway/api/</c>) instead of replacing its last segment.</summary>
    public static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
