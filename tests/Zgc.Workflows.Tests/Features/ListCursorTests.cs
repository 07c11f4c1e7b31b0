using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zgc.ServiceDefaults;
using Zgc.Testing;
using Zgc.Workflows.Features;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Features;

/// <summary>
/// The instance list continues behind a page's last row (<c>after</c>, keyset paging) as well as by page number: the
/// answer names the next page in <c>X-Next-Cursor</c> and a <c>Link</c> header, and a walk by cursor meets every
/// instance once, in the list's order, on every provider — rows of one instant included (S-OPS).
/// </summary>
public sealed class ListCursorTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task Following_the_next_links_walks_the_filtered_list_once_in_its_order()
    {
        var subPark = "cursor-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            var id = Guid.NewGuid();
            await app.Bus.Publish(WorkflowsApp.Submitted(id) with { SubPark = subPark }, Ct);
            await app.WaitForState(id, "SubParkReview");
        }

        using var admin = app.ClientFor(Roles.Admin);
        var whole = await admin.GetFromJsonAsync<List<InstanceSummary>>($"/workflows/instances?subPark={subPark}", Ct);
        Assert.Equal(5, whole!.Count);

        var walked = new List<Guid>();
        var next = $"/workflows/instances?subPark={subPark}&pageSize=2";
        var pages = 0;
        while (next is not null)
        {
            using var response = await admin.GetAsync(next, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues(ListInstances.TotalHeader).Single());
            walked.AddRange((await response.Content.ReadFromJsonAsync<List<InstanceSummary>>(Ct))!.Select(i => i.Id));
            pages++;
            next = NextLink(response);
            if (next is not null)
            {
                var cursor = response.Headers.GetValues(ListInstances.NextCursorHeader).Single();
                Assert.Contains("after=" + cursor, next, StringComparison.Ordinal);
                Assert.Contains("subPark=" + subPark, next, StringComparison.Ordinal);
                Assert.Contains("pageSize=2", next, StringComparison.Ordinal);
            }
            else
            {
                Assert.False(response.Headers.Contains(ListInstances.NextCursorHeader), "the last page names no next one");
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(whole.Select(i => i.Id), walked);

        // A page asked for by number names its next page too, and that page continues where the number would.
        using var second = await admin.GetAsync($"/workflows/instances?subPark={subPark}&pageSize=2&page=2", Ct);
        var third = await admin.GetFromJsonAsync<List<InstanceSummary>>(NextLink(second)!, Ct);
        Assert.Equal(whole.Skip(4).Select(i => i.Id), third!.Select(i => i.Id));
    }

    [Theory, Trait("Req", "S-OPS")]
    [InlineData("not-a-cursor", null)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "2")]
    [InlineData("__________________________________", null)]
    [InlineData("%21%21AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null)]
    public async Task A_cursor_the_list_did_not_give_or_one_given_with_a_page_is_refused_naming_after(string after, string? page)
    {
        using var admin = app.ClientFor(Roles.Admin);
        using var response = await admin.GetAsync($"/workflows/instances?after={after}" + (page is null ? "" : "&page=" + page), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("after", problem.GetProperty("field").GetString());
    }

    [Fact]
    public void A_cursor_reads_back_as_written_and_nothing_else_reads_as_one()
    {
        var cursor = new InstanceCursor(new DateTimeOffset(2026, 11, 29, 8, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567), Guid.NewGuid());
        Assert.True(InstanceCursor.TryParse(cursor.Encode(), out var read));
        Assert.Equal(cursor.UpdatedAt.UtcTicks, read.UpdatedAt.UtcTicks);
        Assert.Equal(cursor.Id, read.Id);
        Assert.False(InstanceCursor.TryParse("", out _));
        Assert.False(InstanceCursor.TryParse(cursor.Encode()[..^2], out _));
        Assert.False(InstanceCursor.TryParse(cursor.Encode() + "AAAA", out _));
        Assert.False(InstanceCursor.TryParse("!!" + cursor.Encode()[2..], out _));
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task On_SQLite_a_cursor_walk_meets_each_row_once_across_rows_of_one_instant()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var db = new SqliteWorkflowsDbContext(new DbContextOptionsBuilder<SqliteWorkflowsDbContext>().UseSqlite(connection).Options);
        await WalkMeetsEveryRowOnce(db);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task On_PostgreSQL_a_cursor_walk_meets_each_row_once_across_rows_of_one_instant()
    {
        var database = "zgc_workflows_cursor_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var db = new PostgresWorkflowsDbContext(new DbContextOptionsBuilder<PostgresWorkflowsDbContext>()
                .UseNpgsql(RealInfrastructure.PostgresDatabase(database)).Options);
            await WalkMeetsEveryRowOnce(db);
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    [Fact]
    public void On_SQL_Server_the_cursor_is_a_seek_on_the_instant_and_a_comparison_of_ids()
    {
        using var db = new SqlServerWorkflowsDesignFactory().CreateDbContext([]);
        var cursor = new InstanceCursor(DateTimeOffset.UtcNow, Guid.NewGuid());
        var sql = InstanceCursor.InListOrder(cursor.Behind(db.Instances)).Take(3).Select(i => i.CorrelationId).ToQueryString();
        Assert.Contains("[p].[UpdatedAt] <= @", sql, StringComparison.Ordinal);
        Assert.Contains("[p].[CorrelationId] > @", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [p].[UpdatedAt] DESC, [p].[CorrelationId]", sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// Eleven rows over five instants (three of them shared by several rows): walked in pages of two from the first page
    /// by cursor, they come in exactly the order of one query over them all.
    /// </summary>
    private static async Task WalkMeetsEveryRowOnce(WorkflowsDbContext db)
    {
        await db.Database.EnsureCreatedAsync(Ct);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        int[] minutes = [0, 5, 5, 5, 7, 9, 9, 12, 12, 12, 12];
        foreach (var minute in minutes)
        {
            db.Instances.Add(new PlatformLifecycle
            {
                CorrelationId = Guid.NewGuid(),
                CurrentState = "SubParkReview",
                SubPark = "haidian",
                CreatedAt = start,
                StateEnteredAt = start,
                UpdatedAt = start.AddMinutes(minute),
            });
        }

        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var ordered = await InstanceCursor.InListOrder(db.Instances.AsNoTracking()).Select(i => new { i.CorrelationId, i.UpdatedAt }).ToListAsync(Ct);
        Assert.Equal(minutes.Length, ordered.Count);

        var walked = new List<Guid>();
        InstanceCursor? cursor = null;
        while (true)
        {
            var query = cursor is { } behind ? behind.Behind(db.Instances.AsNoTracking()) : db.Instances.AsNoTracking();
            var page = await InstanceCursor.InListOrder(query).Take(2).Select(i => new { i.CorrelationId, i.UpdatedAt }).ToListAsync(Ct);
            if (page.Count == 0)
            {
                break;
            }

            walked.AddRange(page.Select(p => p.CorrelationId));
            Assert.True(walked.Count <= minutes.Length, "a row came twice");
            cursor = new InstanceCursor(page[^1].UpdatedAt, page[^1].CorrelationId);
        }

        Assert.Equal(ordered.Select(o => o.CorrelationId), walked);
    }

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = Assert.Single(links);
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
