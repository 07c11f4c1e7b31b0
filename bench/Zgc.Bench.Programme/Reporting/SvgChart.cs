using System.Globalization;
using System.Net;
using System.Text;

namespace Zgc.Bench.Programme.Reporting;

/// <summary>
/// A plain line chart as SVG (no library: a few lines, polylines and labels), one curve per series, the x axis on a log-2
/// scale because concurrency doubles from point to point.
/// </summary>
public static class SvgChart
{
    private const double Width = 720, Height = 420, Left = 70, Right = 190, Top = 40, Bottom = 60;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

    public static string Render(string title, IReadOnlyList<Series> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.SelectMany(s => s.Points).ToList();
        var xMin = Math.Log2(Math.Max(1, points.Min(p => p.X)));
        var xMax = Math.Max(xMin + 1, Math.Log2(Math.Max(1, points.Max(p => p.X))));
        var yMax = NiceCeiling(points.Max(p => p.Y));
        double X(double x) => Left + ((Math.Log2(Math.Max(1, x)) - xMin) / (xMax - xMin) * (Width - Left - Right));
        double Y(double y) => Height - Bottom - (y / yMax * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));
        // Axes, grid and ticks.
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n"));
        for (var i = 0; i <= 5; i++)
        {
            var value = yMax * i / 5;
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(value):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(value):0.#}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{ProgrammeReport.Number(value)}</text>\n"));
        }

        foreach (var x in points.Select(p => p.X).Distinct().Order())
        {
            svg.Append(Invariant($"<text x=\"{X(x):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{x:0.##}</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 18}\" text-anchor=\"middle\">{Escape(series[0].XLabel)}</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(series[0].YLabel)}</text>\n"));
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var line = string.Join(' ', series[i].Points.OrderBy(p => p.X).Select(p => Invariant($"{X(p.X):0.#},{Y(p.Y):0.#}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{line}\"/>\n"));
            foreach (var p in series[i].Points)
            {
                svg.Append(Invariant($"<circle cx=\"{X(p.X):0.#}\" cy=\"{Y(p.Y):0.#}\" r=\"3\" fill=\"{colour}\"><title>{p.X:0.##}: {p.Y:0.###}</title></circle>\n"));
            }

            var legendY = Top + 10 + (i * 18);
            svg.Append(Invariant($"<line x1=\"{Width - Right + 14}\" y1=\"{legendY}\" x2=\"{Width - Right + 34}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Width - Right + 40}\" y=\"{legendY + 4}\">{Escape(series[i].Name)}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
