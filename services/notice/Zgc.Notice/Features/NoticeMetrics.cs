using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults.Metrics;

namespace Zgc.Notice.Features;

/// <summary>Meter <c>Zgc.Notice</c>: the notices not yet decided, by status.</summary>
internal static class NoticeMetrics
{
    /// <summary>
    /// <c>zgc.notice.open{status}</c>: notices whose period runs (<c>Open</c>) or whose objections are still being
    /// investigated (<c>ClosedObjectionsPending</c>); drafts awaiting publication are counted too.
    /// </summary>
    public static IHostApplicationBuilder AddNoticeGauges(this IHostApplicationBuilder builder) =>
        builder.AddDatabaseGauge<NoticeDbContext>(
            new("Zgc.Notice", "zgc.notice.open", "{notice}", "Notices not yet decided, by status", "status"),
            async (db, ct) =>
            {
                var open = new[] { NoticeStatus.Draft, NoticeStatus.Open, NoticeStatus.ClosedObjectionsPending };
                var counts = await db.Notices.Where(n => open.Contains(n.Status)).GroupBy(n => n.Status)
                    .Select(g => new { g.Key, Count = (long)g.Count() }).ToListAsync(ct);
                return open.ToDictionary(s => s.ToString(), s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
            });
}
