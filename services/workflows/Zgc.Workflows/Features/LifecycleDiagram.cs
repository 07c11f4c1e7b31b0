using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// The lifecycle as a picture for operators: Mermaid text (GET /workflows/graph) and SVG (GET /workflows/graph.svg),
/// each optionally with one instance's current state highlighted (<c>?instance=</c>).
/// </summary>
internal static class LifecycleDiagram
{
    private const int BoxWidth = 190;
    private const int BoxHeight = 34;
    private const int ColumnGap = 30;
    private const int RowGap = 60;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/graph", Mermaid).WithName("LifecycleGraphMermaid");
        group.MapGet("/graph.svg", Svg).WithName("LifecycleGraphSvg");
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Mermaid(PlatformLifecycleStateMachine machine, WorkflowsDbContext db, Guid? instance,
        CancellationToken cancellationToken)
    {
        var current = await CurrentState(db, instance, cancellationToken);
        if (instance is not null && current is null)
        {
            return TypedResults.NotFound();
        }

        var graph = LifecycleGraph.Of(machine);
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var t in graph.Transitions)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {Node(t.From)} --> {Node(t.To)} : {t.Event}\n");
        }

        if (current is not null && current != "Initial")
        {
            text.Append("    classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px\n");
            text.Append(CultureInfo.InvariantCulture, $"    class {current} current\n");
        }

        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Svg(PlatformLifecycleStateMachine machine, WorkflowsDbContext db, Guid? instance,
        CancellationToken cancellationToken)
    {
        var current = await CurrentState(db, instance, cancellationToken);
        if (instance is not null && current is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Text(Draw(LifecycleGraph.Of(machine), current), "image/svg+xml; charset=utf-8");
    }

    private static async Task<string?> CurrentState(WorkflowsDbContext db, Guid? instance, CancellationToken cancellationToken) =>
        instance is null
            ? null
            : await db.Instances.AsNoTracking().Where(i => i.CorrelationId == instance).Select(i => i.CurrentState).SingleOrDefaultAsync(cancellationToken);

    private static string Node(string state) => state is "Initial" or "Final" ? "[*]" : state;

    /// <summary>Rows by distance from Initial; arrows from the bottom of one box to the top of the next, self-loops omitted.</summary>
    internal static string Draw(LifecycleGraph graph, string? current)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var state in graph.States)
        {
            var from = graph.Transitions.Where(t => t.To == state && t.From != state && depth.ContainsKey(t.From)).Select(t => depth[t.From] + 1);
            depth[state] = from.DefaultIfEmpty(0).Min();
        }

        var rows = graph.States.GroupBy(s => depth[s]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var columns = rows.Max(r => r.Count);
        var width = columns * (BoxWidth + ColumnGap) + ColumnGap;
        var height = rows.Count * (BoxHeight + RowGap) + RowGap;
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = (width - rows[r].Count * (BoxWidth + ColumnGap) + ColumnGap) / 2;
            for (var c = 0; c < rows[r].Count; c++)
            {
                position[rows[r][c]] = (offset + c * (BoxWidth + ColumnGap), RowGap / 2 + r * (BoxHeight + RowGap));
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.Append("<title>PlatformLifecycle</title>");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
            .Append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>");
        foreach (var t in graph.Transitions.Where(t => t.From != t.To))
        {
            var (fx, fy) = position[t.From];
            var (tx, ty) = position[t.To];
            var down = ty >= fy;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{fx + BoxWidth / 2}\" y1=\"{(down ? fy + BoxHeight : fy)}\" x2=\"{tx + BoxWidth / 2}\" y2=\"{(down ? ty : ty + BoxHeight)}\" stroke=\"#888\" marker-end=\"url(#arrow)\">")
                .Append("<title>").Append(WebUtility.HtmlEncode($"{t.From} → {t.To}: {t.Event}")).Append("</title></line>");
        }

        foreach (var (state, (x, y)) in position)
        {
            var highlighted = state == current;
            svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"state{(highlighted ? " current" : "")}\" data-state=\"{WebUtility.HtmlEncode(state)}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" ")
                .Append(highlighted ? "fill=\"#fde68a\" stroke=\"#b45309\" stroke-width=\"3\"/>" : "fill=\"#f4f6fb\" stroke=\"#4a5b80\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BoxWidth / 2}\" y=\"{y + BoxHeight / 2 + 5}\" text-anchor=\"middle\">")
                .Append(WebUtility.HtmlEncode(state)).Append("</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }
}
