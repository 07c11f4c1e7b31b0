using System.Text;

namespace Zgc.Security.Tests.Hostile;

/// <summary>One hostile request: a name for the report and a way to build it afresh (a request message is sent once).</summary>
/// <remarks>
/// <see cref="Partial"/> marks a body that only leaves values out (no members, unknown members, nulls): clearly invalid for
/// an endpoint that needs its values, but a legitimate empty draft for one that saves drafts (see
/// <see cref="HostileTargets.DraftEndpoints"/>).
/// </remarks>
public sealed record HostileCase(string Name, Func<HttpRequestMessage> Build, bool Partial = false)
{
    public static HostileCase Raw(string name, HttpMethod method, string url, string body, string contentType, bool partial = false) =>
        new(name, () => new HttpRequestMessage(method, url) { Content = Text(body, contentType) }, partial);

    public static HostileCase Bytes(string name, HttpMethod method, string url, byte[] body, string contentType) =>
        new(name, () =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return new HttpRequestMessage(method, url) { Content = content };
        });

    public static HostileCase Bare(string name, HttpMethod method, string url) => new(name, () => new HttpRequestMessage(method, url));

    /// <summary>Text with exactly the given content type (no charset added, so a test can send a bare or odd type).</summary>
    public static HttpContent Text(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
