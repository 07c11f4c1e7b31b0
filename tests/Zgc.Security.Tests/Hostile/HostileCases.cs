using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Zgc.Security.Tests.Hostile;

/// <summary>
/// Every hostile request for one endpoint: route and query values for all; whole-body and field-by-field cases for a JSON
/// body; names, types and sizes for a file upload; every generic body case for anything else.
/// </summary>
public static partial class HostileCases
{
    private const string Json = "application/json";

    public static IReadOnlyList<HostileCase> For(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cases = new List<HostileCase>();
        cases.AddRange(RouteCases(target));
        switch (target.Kind)
        {
            case BodyKind.Json:
                cases.AddRange(BodyCases(target, target.Sample!.ToJsonString()));
                cases.AddRange(FieldCases(target));
                break;
            case BodyKind.Multipart:
                cases.AddRange(FileCases(target));
                break;
            case BodyKind.None:
            case BodyKind.Other:
                cases.AddRange(BodyCases(target, "{}"));
                cases.AddRange(FormCases(target));
                break;
        }

        return cases;
    }

    /// <summary>Each route parameter spoiled in turn, and a query string of hostile values on the otherwise plain route.</summary>
    private static IEnumerable<HostileCase> RouteCases(HostileTarget target)
    {
        var body = target.Kind == BodyKind.Json ? target.Sample!.ToJsonString() : null;
        foreach (var parameter in target.Parameters)
        {
            foreach (var (name, value) in HostileValues.RouteValues)
            {
                var url = target.Url(parameter, value);
                yield return body is null
                    ? HostileCase.Bare($"route {parameter}={name}", target.Method, url)
                    : HostileCase.Raw($"route {parameter}={name}", target.Method, url, body, Json);
            }
        }

        if (body is null)
        {
            // Only where no body is taken: a valid body beside unknown query parameters may rightly be accepted.
            var query = "?" + string.Join('&', HostileValues.RouteValues.Append((Name: "nul", Value: "a\u0000b")).Select(v => "q=" + Uri.EscapeDataString(v.Value)))
                + "&page=-1&pageSize=99999999999&id=" + Uri.EscapeDataString("../../etc/passwd");
            yield return HostileCase.Bare("hostile query", target.Method, target.Url() + query);
        }
    }

    /// <summary>Bodies spoiled as a whole: unreadable, of the wrong root type, empty, unknown members only, wrong media type, oversized.</summary>
    private static IEnumerable<HostileCase> BodyCases(HostileTarget target, string valid)
    {
        var url = target.Url();
        foreach (var (text, i) in HostileValues.MalformedJson.Select((t, i) => (t, i)))
        {
            yield return HostileCase.Raw($"malformed json #{i + 1}", target.Method, url, text, Json);
        }

        foreach (var root in HostileValues.WrongRoots)
        {
            yield return HostileCase.Raw($"wrong root {root}", target.Method, url, root, Json);
        }

        yield return HostileCase.Raw("empty body", target.Method, url, "", Json);
        yield return HostileCase.Raw("missing fields {}", target.Method, url, "{}", Json, partial: true);
        yield return HostileCase.Raw("extra fields only", target.Method, url, HostileValues.ExtraFields, Json, partial: true);
        yield return HostileCase.Bytes("invalid utf-8", target.Method, url, InvalidUtf8(valid), Json);
        if (target.Kind == BodyKind.Json)
        {
            // The body the endpoint would take, spoiled only by the envelope: wrong media type, then too big to be read.
            yield return HostileCase.Raw("valid body as text/plain", target.Method, url, valid, "text/plain");
            yield return HostileCase.Raw("valid body as xml", target.Method, url, "<request/>", "application/xml");
        }

        yield return HostileCase.Raw("oversized body (3 MiB)", target.Method, url, Oversized(valid), Json);
    }

    /// <summary>The valid body with its first text value replaced by bytes that are not UTF-8 (a known member, so it is read, not skipped).</summary>
    private static byte[] InvalidUtf8(string valid)
    {
        byte[] bad = [0xC3, 0x28, 0xFF, 0xFE];
        var match = Regex.Match(valid, "\"[A-Za-z]+\":\"(?<value>[^\"]*)\"");
        if (!match.Success)
        {
            return [.. "{\"a\":\""u8.ToArray(), .. bad, .. "\"}"u8.ToArray()];
        }

        var group = match.Groups["value"];
        return [.. Encoding.UTF8.GetBytes(valid[..group.Index]), .. bad, .. Encoding.UTF8.GetBytes(valid[(group.Index + group.Length)..])];
    }

    /// <summary>The valid body with a 3 MiB member: over the programme's 1 MiB request limit whatever the endpoint does with it.</summary>
    private static string Oversized(string valid)
    {
        var padding = new string('A', 3 * 1024 * 1024);
        return valid.StartsWith('{') && valid.Length > 2 ? "{\"padding\":\"" + padding + "\"," + valid[1..] : "{\"padding\":\"" + padding + "\"}";
    }

    /// <summary>Every leaf of the sample body spoiled in turn, the rest left valid-looking.</summary>
    private static IEnumerable<HostileCase> FieldCases(HostileTarget target)
    {
        var url = target.Url();
        foreach (var (path, leaf) in Leaves(target.Sample!, []))
        {
            var label = PathLabel(path);
            foreach (var (name, value) in Spoilers(leaf))
            {
                var body = Spoil(target.Sample!, path, value);
                yield return HostileCase.Raw($"{label}: {name}", target.Method, url, body, Json);
            }
        }

        // Missing: the body with nothing but unknown members is a whole-body case; here every member is dropped in turn
        // only when it is the body's sole one, since dropping an optional member of a larger body may rightly be accepted.
        // Extra: unknown members beside a body that is otherwise empty of required values.
        yield return HostileCase.Raw("extra fields beside nulls", target.Method, url, NullsWithExtras(target.Sample!), Json, partial: true);
    }

    private static string NullsWithExtras(JsonNode sample)
    {
        var json = new JsonObject();
        if (sample is JsonObject members)
        {
            foreach (var (name, _) in members)
            {
                json[name] = null;
            }
        }

        foreach (var (name, value) in JsonNode.Parse(HostileValues.ExtraFields)!.AsObject())
        {
            json[name] = value?.DeepClone();
        }

        return json.ToJsonString();
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Spoilers(JsonNode? leaf)
    {
        switch (leaf)
        {
            case JsonArray array:
                yield return ("wrong type (string for array)", JsonValue.Create("x"));
                yield return ("wrong type (object for array)", new JsonObject());
                yield return ("array of nulls", new JsonArray(null, null));
                var element = array.Count > 0 ? array[0] : JsonValue.Create("x");
                // 5 000 copies of a valid element, or 50 000 of a scalar: five times and more the longest list the programme keeps.
                var copies = element is JsonObject ? 5_000 : 50_000;
                yield return ($"huge array ({copies} items)", new JsonArray([.. Enumerable.Range(0, copies).Select(_ => element?.DeepClone())]));
                break;
            case JsonObject:
                yield return ("wrong type (string for object)", JsonValue.Create("x"));
                yield return ("wrong type (array for object)", new JsonArray());
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = System.Text.Json.JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? "";
                yield return ("wrong type (number for string)", JsonValue.Create(12345));
                yield return ("wrong type (object for string)", new JsonObject { ["x"] = 1 });
                yield return ("long string (100 000 chars)", JsonValue.Create(HostileValues.LongText));
                yield return ("control characters", JsonValue.Create(HostileValues.Controls));
                yield return ("bidi overrides", JsonValue.Create(HostileValues.Bidi));
                if (DateLike().IsMatch(text))
                {
                    foreach (var date in HostileValues.Dates)
                    {
                        yield return ($"date {date}", JsonValue.Create(date));
                    }
                }

                if (Guid.TryParse(text, out _))
                {
                    yield return ("not a guid", JsonValue.Create("../../etc/passwd"));
                }

                break;
            case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.Number:
                foreach (var (name, number) in HostileValues.Numbers)
                {
                    yield return (name, JsonNode.Parse(number));
                }

                break;
            case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                yield return ("wrong type (string for bool)", JsonValue.Create("yes"));
                yield return ("wrong type (number for bool)", JsonValue.Create(2));
                break;
        }
    }

    /// <summary>Leaves and containers worth spoiling: every member, walking into objects and the first item of arrays.</summary>
    private static IEnumerable<(object[] Path, JsonNode? Node)> Leaves(JsonNode? node, object[] path)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    object[] at = [.. path, name];
                    yield return (at, value);
                    if (value is JsonObject or JsonArray)
                    {
                        foreach (var inner in Leaves(value, at).Skip(1))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray items when items.Count > 0:
                yield return (path, node);
                object[] first = [.. path, 0];
                yield return (first, items[0]);
                if (items[0] is JsonObject or JsonArray)
                {
                    foreach (var inner in Leaves(items[0], first).Skip(1))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                yield return (path, node);
                break;
        }
    }

    /// <summary>The sample with the node at <paramref name="path"/> replaced (the root when the path is empty: a query case keeps it).</summary>
    private static string Spoil(JsonNode sample, object[] path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return sample.ToJsonString();
        }

        var copy = sample.DeepClone();
        var parent = copy;
        foreach (var step in path[..^1])
        {
            parent = step is string name ? parent![name] : parent![(int)step];
        }

        if (path[^1] is string member)
        {
            parent![member] = value;
        }
        else
        {
            parent![(int)path[^1]] = value;
        }

        return copy.ToJsonString();
    }

    private static string PathLabel(object[] path) => string.Concat(path.Select(s => s is string n ? "." + n : "[0]")).TrimStart('.');

    /// <summary>Uploads: not multipart, broken multipart, no file, names that climb folders or hide their type, spoofed content, too large.</summary>
    private static IEnumerable<HostileCase> FileCases(HostileTarget target)
    {
        var url = target.Url();
        var part = target.FilePart;
        yield return HostileCase.Raw("json instead of multipart", target.Method, url, "{\"file\":\"../../etc/passwd\"}", Json);
        yield return HostileCase.Raw("multipart without boundary", target.Method, url, "--x\r\n\r\n", "multipart/form-data");
        yield return HostileCase.Raw("broken multipart", target.Method, url, "--x\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 no closing boundary",
            "multipart/form-data; boundary=x");
        yield return new HostileCase("no file part", () => new HttpRequestMessage(target.Method, url)
        {
            Content = new MultipartFormDataContent { { new StringContent("../../etc/passwd"), "note" } },
        });
        yield return File("empty file", target, "empty.pdf", [], "application/pdf");

        foreach (var name in new[]
        {
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "../../../../tmp/evil.pdf", "evil\0.pdf", "evil.pdf\0.exe", "\u202Efdp.exe",
            "report\u202Egnp.pdf", "con.pdf\u0007", new string('a', 300) + ".pdf", "", " ", "..", ".pdf",
        })
        {
            yield return File($"file name {Printable(name)}", target, name, HostileValues.Pdf, "application/pdf");
        }

        yield return File("executable named .pdf", target, "plan.pdf", HostileValues.Executable, "application/pdf");
        yield return File("html named .pdf", target, "plan.pdf", HostileValues.Html, "application/pdf");
        yield return File("svg named .png", target, "chart.png", HostileValues.Svg, "image/png");
        yield return File("pdf named .exe", target, "plan.exe", HostileValues.Pdf, "application/octet-stream");
        yield return File("pdf named .html", target, "plan.html", HostileValues.Pdf, "text/html");
        yield return File("oversized file (limit + 1 MiB)", target, "big.pdf", [.. HostileValues.Pdf, .. new byte[HostileApp.UploadLimitBytes + (1024 * 1024)]], "application/pdf");
    }

    private static HostileCase File(string name, HostileTarget target, string fileName, byte[] content, string contentType) =>
        new(name, () =>
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            // Written by hand: the framework's own header writer would escape or refuse the very names under test.
            // A name with characters a header cannot carry as they are (controls, bidi, anything not ASCII) also goes as
            // RFC 5987 filename*, which the server prefers: that is how a browser sends it, so the server sees the real name.
            var star = fileName.Any(c => c is < ' ' or > '~') ? $"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}" : "";
            file.Headers.TryAddWithoutValidation("Content-Disposition",
                $"form-data; name=\"{target.FilePart}\"; filename=\"{new string([.. fileName.Select(c => c is < ' ' or > '~' or '"' ? '_' : c)])}\"{star}");
            var form = new MultipartFormDataContent("hostile-boundary") { file };
            return new HttpRequestMessage(target.Method, target.Url()) { Content = form };
        });

    /// <summary>Form posts with hostile values, for endpoints that read forms (the console, the public objection form).</summary>
    private static IEnumerable<HostileCase> FormCases(HostileTarget target)
    {
        var url = target.Url();
        const string form = "application/x-www-form-urlencoded";
        foreach (var (name, value) in new[] { ("long", HostileValues.LongText), ("controls", HostileValues.Controls), ("bidi", HostileValues.Bidi) })
        {
            var body = string.Join('&', new[] { "name", "userName", "password", "reasons", "returnUrl", "__RequestVerificationToken" }
                .Select(f => f + "=" + Uri.EscapeDataString(value)));
            yield return HostileCase.Raw($"form values {name}", target.Method, url, body, form);
        }

        yield return HostileCase.Raw("form returnUrl elsewhere", target.Method, url, "returnUrl=" + Uri.EscapeDataString("https://evil.example/") + "&userName=x&password=y", form);
        yield return HostileCase.Raw("broken form encoding", target.Method, url, "a=%ZZ&&=&%", form);
        yield return HostileCase.Raw("oversized form (3 MiB)", target.Method, url, "a=" + new string('A', 3 * 1024 * 1024), form);
    }

    private static string Printable(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Length > 24 ? name[..12] + "…" + name[^6..] : name)
        {
            text.Append(char.IsControl(c) || c is >= '\u2066' and <= '\u2069' or >= '\u202A' and <= '\u202E' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return $"\"{text}\"";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateLike();
}
