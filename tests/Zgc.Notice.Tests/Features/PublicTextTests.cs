using Zgc.Notice.Features.Evidence;
using Zgc.Notice.Features.Pages;

namespace Zgc.Notice.Tests.Features;

/// <summary>The pieces of the public pages that need no host: Chinese dates and closing instants, HTML encoding, file signatures.</summary>
public sealed class PublicTextTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void A_midnight_close_is_written_24_00_of_the_last_day_and_another_time_as_it_is()
    {
        Assert.Equal("2019年4月26日", ChineseText.Date(new DateOnly(2019, 4, 26)));
        Assert.Equal("2019年5月5日24:00", ChineseText.Closing(new DateTimeOffset(2019, 5, 6, 0, 0, 0, Beijing)));
        Assert.Equal("2019年5月5日24:00", ChineseText.Closing(new DateTimeOffset(2019, 5, 5, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2019年5月5日17:30", ChineseText.Closing(new DateTimeOffset(2019, 5, 5, 9, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2026年12月31日24:00", ChineseText.Closing(new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing)));
        Assert.Equal("2026年3月4日 09:05", ChineseText.Instant(new DateTimeOffset(2026, 3, 4, 1, 5, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Interpolated_values_are_encoded_and_markup_is_not()
    {
        const string hostile = "<script>\"&'";
        var inner = Html.Of($"<b>{hostile}</b>");
        var outer = Html.Of($"<p title=\"{hostile}\">{inner}{42}</p>");
        Assert.Equal("<p title=\"&lt;script&gt;&quot;&amp;&#x27;\"><b>&lt;script&gt;&quot;&amp;&#x27;</b>42</p>", outer.Value);
        Assert.Equal("公示中", Html.Encode("公示中"));
        Assert.Equal("a<br>&lt;b&gt;", Html.Lines("a\r\n<b>").Value);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00 }, null)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]
    [InlineData(new byte[0], null)]
    public void Files_are_recognised_by_their_signature(byte[] head, string? contentType) =>
        Assert.Equal(contentType, EvidenceFileType.Recognise(head)?.ContentType);

    [Theory]
    [InlineData("a.PDF", true)]
    [InlineData("扫描件.pdf", true)]
    [InlineData("a.pdf.exe", false)]
    [InlineData("a.png", false)]
    [InlineData("pdf", false)]
    public void A_PDF_must_be_named_as_one(string name, bool named) => Assert.Equal(named, EvidenceFileType.Pdf.Names(name));
}
