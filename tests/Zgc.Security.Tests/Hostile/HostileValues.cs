using System.Text;

namespace Zgc.Security.Tests.Hostile;

/// <summary>The hostile values themselves, in one place so every endpoint gets the same ones.</summary>
public static class HostileValues
{
    /// <summary>A string far longer than any field of the programme takes (100 000 characters).</summary>
    public static readonly string LongText = new('长', 100_000);

    /// <summary>A string of 1 MiB, for the body cases.</summary>
    public static readonly string Megabyte = new('A', 1024 * 1024);

    /// <summary>C0 controls that have no place in a name or a comment (NUL, bell, backspace, escape, delete).</summary>
    public const string Controls = "名称\u0000\u0007\u0008\u001B\u007F";

    /// <summary>Bidirectional overrides and isolates: they make text display other than it reads (Trojan Source).</summary>
    public const string Bidi = "正常\u202Efdp.exe\u202C\u2066\u2067\u2068\u2069\u200F";

    public static readonly string[] MalformedJson =
    [
        "{", "{\"a\":", "not json", "[1,2", "{\"a\":1}}", "{'single':'quotes'}", "{\"a\":01}", "{\"a\":NaN}", "\u0000",
        new string('[', 10_000), // nesting beyond the reader's maximum depth
    ];

    public static readonly string[] WrongRoots = ["[]", "\"text\"", "42", "null", "true"];

    /// <summary>Unknown members, including the names type confusion and prototype pollution attacks use.</summary>
    public const string ExtraFields = """{"unknownField":"x","$type":"System.Diagnostics.Process, System","__proto__":{"isAdmin":true},"constructor":{"prototype":{}},"role":"admin"}""";

    public static readonly (string Name, string Value)[] Numbers =
    [
        ("negative", "-1"), ("long.MaxValue+1", "9223372036854775808"), ("long.MinValue-1", "-9223372036854775809"), ("1e400", "1e400"),
        ("-1e400", "-1e400"), ("text-for-number", "\"abc\""),
    ];

    public static readonly string[] Dates = ["0001-01-01", "9999-12-31", "2024-13-45", "2024-02-30T25:61:00Z", "0000-00-00"];

    /// <summary>
    /// Route and query values: traversal (escaped so the client does not normalise it away), overflow, bidi, very long. NUL
    /// goes only into the query: a path with NUL is refused by the server before routing (the in-memory test server even
    /// refuses to send it), so it could never reach an endpoint.
    /// </summary>
    public static readonly (string Name, string Value)[] RouteValues =
    [
        ("traversal", "../../etc/passwd"), ("overflow", "99999999999999999999"), ("negative", "-1"), ("bidi", Bidi),
        ("long", new string('x', 5_000)), ("sql", "' OR 1=1 --"), ("html", "<script>alert(1)</script>"), ("date", "2024-13-45"),
    ];

    /// <summary>A minimal PDF: enough for content sniffing to call it a PDF.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>A Windows executable's header.</summary>
    public static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[64]];

    public static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>");

    public static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
}
