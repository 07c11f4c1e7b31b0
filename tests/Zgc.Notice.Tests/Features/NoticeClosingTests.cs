using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Notice.Tests.Features;

/// <summary>R-A13-NOTICE: each notice closes itself by its durable timer, and its result follows its objections.</summary>
public sealed class NoticeClosingTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Wednesday 2026-03-04 09:00 Beijing: five working days end Tuesday 2026-03-10, closing at 24:00 Beijing.
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, Beijing);
    private static readonly DateTimeOffset ClosesAt = new(2026, 3, 11, 0, 0, 0, Beijing);

    private static readonly Dictionary<string, string?> ByOfficer = new() { ["Notice:AutoPublish"] = "false" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="count"/> notices published on the test's day (so closing at one instant), once open.</summary>
    private static async Task<(List<Zgc.Notice.Contracts.PublishNotice> Commands, List<PublicNotice> Notices)> OpenNotices(ClockedNoticeApp app, int count)
    {
        var commands = Enumerable.Range(0, count).Select(_ => NoticeApp.NewNotice()).ToList();
        foreach (var command in commands)
        {
            await app.Bus.Publish(command, Ct);
        }

        var notices = new List<PublicNotice>();
        foreach (var command in commands)
        {
            notices.Add(await app.WaitFor(command.ApplicationId, NoticeStatus.Open));
        }

        return (commands, notices);
    }

    /// <summary>
    /// <c>GET /notice/timers</c> answers the pending close timers soonest first, only those of the correlation ids asked for
    /// when given (a platform page asks for its own, which a first page of every timer need not hold), at most
    /// <c>limit</c>, and how many match in all; bad parameters are a 400 naming the field.
    /// </summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Pending_timers_are_filtered_by_correlation_limited_and_counted()
    {
        await using var app = new ClockedNoticeApp(Wednesday, withoutDelivery: true);
        var (_, notices) = await OpenNotices(app, 3);
        var correlations = notices.Select(n => n.Id).ToList(); // a close timer is correlated with its notice

        using var admin = app.ClientFor(Roles.Admin);
        async Task<(List<JsonElement> Rows, string Total)> Timers(string query)
        {
            using var response = await admin.GetAsync("/notice/timers" + query, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ((await response.Content.ReadFromJsonAsync<List<JsonElement>>(Ct))!, response.Headers.GetValues("X-Total-Count").Single());
        }

        var all = await Timers("");
        Assert.Equal("3", all.Total);
        Assert.Equal(correlations.Order(), all.Rows.Select(r => r.GetProperty("correlationId").GetGuid()).Order());
        Assert.All(all.Rows, r => Assert.EndsWith("CloseNotice", r.GetProperty("messageType").GetString(), StringComparison.Ordinal));

        var two = await Timers($"?correlationId={correlations[0]}&correlationId={correlations[2]}&correlationId={Guid.NewGuid()}");
        Assert.Equal("2", two.Total);
        Assert.Equal(new[] { correlations[0], correlations[2] }.Order(), two.Rows.Select(r => r.GetProperty("correlationId").GetGuid()).Order());

        var first = await Timers("?limit=1");
        Assert.Equal("3", first.Total);
        Assert.Single(first.Rows);

        var many = string.Join('&', Enumerable.Range(0, Zgc.Messaging.TimersEndpoint.MaxCorrelationIds + 1).Select(_ => $"correlationId={Guid.NewGuid()}"));
        foreach (var (query, field) in new[] { ("?limit=0", "limit"), ($"?limit={Zgc.Messaging.TimersEndpoint.MaxLimit + 1}", "limit"), ("?" + many, "correlationId"),
                     ("?correlationId=not-an-id", "correlationId") })
        {
            using var bad = await admin.GetAsync("/notice/timers" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(field, (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        }
    }

    /// <summary>
    /// The officers' list narrows to statuses and to applications (both repeatable): the committee's inbox asks for the
    /// notices in progress and a meeting's page for its applications', which the newest 500 of every notice need not hold.
    /// </summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_officers_list_narrows_to_statuses_and_applications()
    {
        await using var app = new ClockedNoticeApp(Wednesday, withoutDelivery: true);
        var (commands, _) = await OpenNotices(app, 3);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        async Task<List<Guid>> Listed(string query) =>
            [.. (await officer.GetFromJsonAsync<List<JsonElement>>("/notice/manage/notices" + query, Ct))!.Select(n => n.GetProperty("applicationId").GetGuid())];

        var applications = commands.Select(c => c.ApplicationId).ToList();
        Assert.Equal(applications.Order(), (await Listed("?status=Draft&status=Open&status=ClosedObjectionsPending")).Order());
        Assert.Empty(await Listed("?status=Passed"));
        Assert.Equal(new[] { applications[0], applications[2] }.Order(),
            (await Listed($"?applicationId={applications[0]}&applicationId={applications[2]}&applicationId={Guid.NewGuid()}")).Order());
        Assert.Equal([applications[1]], await Listed($"?status=Open&applicationId={applications[1]}"));
        using (var counted = await officer.GetAsync($"/notice/manage/notices?applicationId={applications[0]}&applicationId={applications[1]}", Ct))
        {
            Assert.Equal("2", counted.Headers.GetValues("X-Total-Count").Single()); // how many match, for a page that shows the newest 500
        }

        var many = string.Join('&', Enumerable.Range(0, Zgc.Notice.Features.OfficerNotices.MaxApplicationIds + 1).Select(_ => $"applicationId={Guid.NewGuid()}"));
        foreach (var (query, field) in new[] { ("?status=Closed", "status"), ("?" + many, "applicationId") })
        {
            using var bad = await officer.GetAsync("/notice/manage/notices" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(field, (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        }
    }

    private static object Objection(string? name = "李四", string? telephone = "13800138000") =>
        new { name, telephone, organisation = "某研究所", reasons = "该单位申报材料中的研发投入与实际情况不符，请核查。" };

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_policy_versions_longer_period_applies_and_a_shorter_one_never_cuts_the_configured_five_days()
    {
        await using var app = new ClockedNoticeApp(Wednesday);
        var longer = NoticeApp.NewNotice() with { WorkingDays = 7 };
        var shorter = NoticeApp.NewNotice() with { WorkingDays = 3 };
        await app.Bus.Publish(longer, Ct);
        await app.Bus.Publish(shorter, Ct);

        // Seven working days from Wednesday 2026-03-04 end Thursday 2026-03-12, closing at its 24:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 0, 0, 0, Beijing), (await app.WaitFor(longer.ApplicationId, NoticeStatus.Open)).ClosesAt);
        Assert.Equal(ClosesAt, (await app.WaitFor(shorter.ApplicationId, NoticeStatus.Open)).ClosesAt);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_notice_closes_at_24_00_Beijing_of_its_fifth_working_day_and_passes()
    {
        await using var app = new ClockedNoticeApp(Wednesday);
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var notice = await app.WaitFor(command.ApplicationId, NoticeStatus.Open);
        Assert.Equal(ClosesAt, notice.ClosesAt);

        app.Clock.SetUtcNow(ClosesAt.AddSeconds(-1));
        await Task.Delay(1500, Ct);
        Assert.Equal(NoticeStatus.Open, (await app.NoticeFor(command.ApplicationId))!.Status);

        app.Clock.SetUtcNow(ClosesAt);
        var closed = await app.WaitFor(command.ApplicationId, NoticeStatus.Passed);
        Assert.Equal(ClosesAt, closed.ClosedAt);
        await Eventually.True(() => app.Delivered("NoticePassed", command.ApplicationId), "NoticePassed delivered");
    }

    /// <summary>
    /// Notices published on one day close at one instant. The first close timer handled takes over the others already due
    /// (fix 20): each notice passes once, each result in its own timer's conversation (its own delivery lane), and the taken
    /// timers are gone from the outbox, so none of them is delivered afterwards. The delivery worker does not run, so the one
    /// timer handled is the test's and every other one is still waiting (with the worker running, it may claim them first).
    /// </summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task One_close_timer_closes_every_notice_due_with_it_each_once_and_in_its_own_conversation()
    {
        await using var app = new ClockedNoticeApp(Wednesday, withoutDelivery: true);
        var (commands, notices) = await OpenNotices(app, 30);

        Assert.All(notices, n => Assert.Equal(ClosesAt, n.ClosesAt));
        app.Clock.SetUtcNow(ClosesAt.AddMinutes(1));
        await app.Bus.Publish(new Zgc.Notice.Contracts.CloseNotice(notices[0].Id, ClosesAt), Ct);

        foreach (var command in commands)
        {
            var closed = await app.WaitFor(command.ApplicationId, NoticeStatus.Passed);
            Assert.Equal(ClosesAt.AddMinutes(1), closed.ClosedAt);
        }

        var rows = await app.InDb<Zgc.Notice.Persistence.NoticeDbContext, List<Zgc.Messaging.Outbox.OutboxMessage>>(db =>
            db.OutboxMessages.AsNoTracking().ToListAsync(Ct));
        Assert.DoesNotContain(rows, r => r.MessageType.Contains(":CloseNotice", StringComparison.Ordinal));
        var passed = rows.Where(r => r.MessageType.Contains(":NoticePassed", StringComparison.Ordinal)).ToList();
        Assert.Equal(commands.Count, passed.Count);
        Assert.All(commands, c => Assert.Single(passed, r => r.Body.Contains(c.ApplicationId.ToString(), StringComparison.Ordinal)));
        Assert.Equal(commands.Count, passed.Select(r => r.ConversationId).Distinct().Count());
    }

    /// <summary>
    /// The sweeps go on while their takes come back full (fix 29): with sweeps of 7, the one timer handled closes all 30 notices
    /// due with it, no timer is left and none had to be delivered. Each notice a sweep closed (its result written by one
    /// update for all) is stored exactly as the one its own timer closed: every stored property the two shared before they
    /// closed, they share after.
    /// </summary>
    [Theory, Trait("Req", "R-A13-NOTICE")]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Sweeps_go_on_until_every_due_notice_is_closed_each_stored_as_its_own_timer_would_have(string provider)
    {
        var settings = new Dictionary<string, string?> { ["Notice:CloseSweepSize"] = "7" };
        var database = "zgc_notice_sweeps_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == "Postgres")
        {
            // On PostgreSQL the sweep locks the notices it closes and the take skips the timers others hold (raw SQL of its own).
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Notice"] = RealInfrastructure.PostgresDatabase(database);
        }

        try
        {
            await SweepThirty(settings);
        }
        finally
        {
            if (provider == "Postgres")
            {
                await PostgresDatabases.DropAll(database);
            }
        }
    }

    private static async Task SweepThirty(Dictionary<string, string?> settings)
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: settings, withoutDelivery: true);
        var (commands, notices) = await OpenNotices(app, 30);
        var before = await StoredValues(app, notices[0].Id, notices[1].Id);

        app.Clock.SetUtcNow(ClosesAt.AddMinutes(1));
        await app.Bus.Publish(new Zgc.Notice.Contracts.CloseNotice(notices[0].Id, ClosesAt), Ct);
        foreach (var command in commands)
        {
            await app.WaitFor(command.ApplicationId, NoticeStatus.Passed);
        }

        var timers = await app.InDb<NoticeDbContext, int>(db => db.OutboxMessages.CountAsync(r => r.MessageType.Contains(":CloseNotice"), Ct));
        Assert.Equal(0, timers);
        var passed = await app.InDb<NoticeDbContext, int>(db => db.OutboxMessages.CountAsync(r => r.MessageType.Contains(":NoticePassed"), Ct));
        Assert.Equal(commands.Count, passed);

        var after = await StoredValues(app, notices[0].Id, notices[1].Id);
        var shared = before[0].Keys.Where(k => Equals(before[0][k], before[1][k])).ToList();
        Assert.Contains(nameof(PublicNotice.Status), shared);
        Assert.All(shared, k => Assert.True(Equals(after[0][k], after[1][k]), $"{k}: {after[0][k]} (own timer) against {after[1][k]} (sweep)"));
        Assert.Equal(ClosesAt.AddMinutes(1), after[1][nameof(PublicNotice.ClosedAt)]);
        Assert.Null(after[1][nameof(PublicNotice.CloseTimerToken)]);
    }

    /// <summary>Every property EF stores for each notice, by name.</summary>
    private static Task<List<Dictionary<string, object?>>> StoredValues(ClockedNoticeApp app, params Guid[] ids) =>
        app.InDb<NoticeDbContext, List<Dictionary<string, object?>>>(async db =>
        {
            var properties = db.Model.FindEntityType(typeof(PublicNotice))!.GetProperties().ToList();
            var rows = new List<Dictionary<string, object?>>();
            foreach (var id in ids)
            {
                var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id, Ct);
                rows.Add(properties.ToDictionary(p => p.Name, p => p.PropertyInfo?.GetValue(notice) ?? p.FieldInfo?.GetValue(notice)));
            }

            return rows;
        });

    /// <summary>
    /// A due timer that cannot be handled (here: a row whose body holds no message) must not take the others down: the
    /// sweep is undone, every timer it took is back in the outbox to be delivered one by one, and the close of the message
    /// being handled still commits.
    /// </summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_bad_timer_among_those_due_undoes_only_the_sweep_and_the_handled_notice_still_closes()
    {
        await using var app = new ClockedNoticeApp(Wednesday, withoutDelivery: true);
        var (commands, notices) = await OpenNotices(app, 3);

        var bad = Guid.NewGuid();
        await app.InDb<Zgc.Notice.Persistence.NoticeDbContext, int>(db =>
        {
            db.OutboxMessages.Add(new Zgc.Messaging.Outbox.OutboxMessage
            {
                MessageId = Guid.NewGuid(), DueTime = ClosesAt.AddDays(-1), ScheduleTokenId = bad, CreatedAt = Wednesday, SentTime = Wednesday,
                DestinationAddress = "loopback://localhost/Zgc.Notice.Contracts:CloseNotice", ContentType = "application/vnd.masstransit+json",
                MessageType = "urn:message:Zgc.Notice.Contracts:CloseNotice", Body = "{}",
            });
            return db.SaveChangesAsync(Ct);
        });

        app.Clock.SetUtcNow(ClosesAt.AddMinutes(1));
        await app.Bus.Publish(new Zgc.Notice.Contracts.CloseNotice(notices[0].Id, ClosesAt), Ct);
        await app.WaitFor(commands[0].ApplicationId, NoticeStatus.Passed);
        await Task.Delay(500, Ct);

        Assert.Equal(NoticeStatus.Open, (await app.NoticeFor(commands[1].ApplicationId))!.Status);
        Assert.Equal(NoticeStatus.Open, (await app.NoticeFor(commands[2].ApplicationId))!.Status);
        var pending = await app.InDb<Zgc.Notice.Persistence.NoticeDbContext, List<Guid?>>(db => db.OutboxMessages
            .Where(r => r.DeliveredAt == null && r.MessageType.Contains(":CloseNotice")).Select(r => r.ScheduleTokenId).ToListAsync(Ct));
        // The bad row and the two other notices' timers are all still waiting; the handled notice's own timer went with the sweep's undo too.
        Assert.Contains(bad, pending);
        Assert.Equal(4, pending.Count);
        Assert.Single(await app.InDb<Zgc.Notice.Persistence.NoticeDbContext, List<string>>(db =>
            db.OutboxMessages.Where(r => r.MessageType.Contains(":NoticePassed")).Select(r => r.Body).ToListAsync(Ct)));
    }

    /// <summary>
    /// Replicas' clocks differ a little (and a restarted process catches up): a close timer that another replica found due
    /// may reach one whose clock has not got there yet. It must neither close early nor be lost.
    /// </summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_close_timer_that_arrives_before_this_hosts_clock_reaches_the_close_is_set_again_not_lost()
    {
        await using var app = new ClockedNoticeApp(Wednesday);
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var notice = await app.WaitFor(command.ApplicationId, NoticeStatus.Open);

        // As if a replica with a clock ahead had delivered the timer (its outbox row is gone) and it arrives here while this
        // host's clock is a second short.
        var removed = await app.InDb<Zgc.Notice.Persistence.NoticeDbContext, int>(db => db.Set<Zgc.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.ScheduleTokenId == notice.CloseTimerToken).ExecuteDeleteAsync(Ct));
        Assert.Equal(1, removed);
        app.Clock.SetUtcNow(ClosesAt.AddSeconds(-1));
        await app.Bus.Publish(new Zgc.Notice.Contracts.CloseNotice(notice.Id, ClosesAt), Ct);
        await Task.Delay(1500, Ct);
        Assert.Equal(NoticeStatus.Open, (await app.NoticeFor(command.ApplicationId))!.Status);

        app.Clock.SetUtcNow(ClosesAt);
        var closed = await app.WaitFor(command.ApplicationId, NoticeStatus.Passed);
        Assert.Equal(ClosesAt, closed.ClosedAt);
        await Eventually.True(() => app.Delivered("NoticePassed", command.ApplicationId), "NoticePassed delivered");
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_close_timer_survives_a_restart()
    {
        var command = NoticeApp.NewNotice();
        var data = Path.Combine(Path.GetTempPath(), "zgc-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new ClockedNoticeApp(Wednesday, data))
            {
                await first.Bus.Publish(command, Ct);
                await first.WaitFor(command.ApplicationId, NoticeStatus.Open);
            }

            // The first instance is gone; a new process on the same database, woken after the end of the period.
            // (MassTransit keeps the log context of the first host in an async-local; a new process would not have it.)
            MassTransit.LogContext.Current = null;
            await using var second = new ClockedNoticeApp(ClosesAt.AddHours(3), data);
            var closed = await second.WaitFor(command.ApplicationId, NoticeStatus.Passed);
            Assert.Equal(ClosesAt.AddHours(3), closed.ClosedAt);
            await Eventually.True(() => second.Delivered("NoticePassed", command.ApplicationId), "NoticePassed delivered");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Officer_publishes_objections_are_taken_and_an_upheld_one_after_close_fails_the_notice()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: ByOfficer);
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var draft = await app.WaitFor(command.ApplicationId, NoticeStatus.Draft);
        using var anonymous = app.Client(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notice/notices/{draft.Id}", Ct)).StatusCode);

        using var officer = app.Client(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/notice/manage/notices/{draft.Id}/publish", null, Ct)).StatusCode);
        (await officer.PostAsync($"/notice/manage/notices/{draft.Id}/publish", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(ClosesAt, (await app.NoticeFor(command.ApplicationId))!.ClosesAt);

        var refused = await anonymous.PostAsJsonAsync($"/notice/notices/{draft.Id}/objections", Objection(name: null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("匿名", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var first = await anonymous.PostAsJsonAsync($"/notice/notices/{draft.Id}/objections", Objection(), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var number = receipt.GetProperty("receiptNumber").GetString()!;
        var status = await anonymous.GetFromJsonAsync<JsonElement>($"/notice/objections/{number}", Ct);
        Assert.Equal("Received", status.GetProperty("status").GetString());

        var objectionId = (await app.NoticeFor(command.ApplicationId))!.Objections.Single().Id;
        (await officer.PostAsync($"/notice/manage/notices/{draft.Id}/objections/{objectionId}/investigate", null, Ct)).EnsureSuccessStatusCode();

        app.Clock.SetUtcNow(ClosesAt);
        await app.WaitFor(command.ApplicationId, NoticeStatus.ClosedObjectionsPending);

        var late = await anonymous.PostAsJsonAsync($"/notice/notices/{draft.Id}/objections", Objection(), Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("2026年3月10日24:00", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        (await officer.PostAsJsonAsync($"/notice/manage/notices/{draft.Id}/objections/{objectionId}/decide",
            new { upheld = true, finding = "经核查，研发投入数据不实。" }, Ct)).EnsureSuccessStatusCode();
        var failed = await app.WaitFor(command.ApplicationId, NoticeStatus.Failed);
        Assert.Contains("不实", failed.OutcomeReason, StringComparison.Ordinal);
        await Eventually.True(() => app.Delivered("NoticeFailed", command.ApplicationId), "NoticeFailed delivered");
        status = await anonymous.GetFromJsonAsync<JsonElement>($"/notice/objections/{number}", Ct);
        Assert.Equal("Upheld", status.GetProperty("status").GetString());
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task An_extension_moves_the_close_timer_and_a_withdrawal_fails_the_notice()
    {
        await using var app = new ClockedNoticeApp(Wednesday);
        var extended = NoticeApp.NewNotice();
        var withdrawn = NoticeApp.NewNotice();
        await app.Bus.Publish(extended, Ct);
        await app.Bus.Publish(withdrawn, Ct);
        var notice = await app.WaitFor(extended.ApplicationId, NoticeStatus.Open);
        var other = await app.WaitFor(withdrawn.ApplicationId, NoticeStatus.Open);

        using var officer = app.Client(Roles.CommitteeOfficer);
        var earlier = await officer.PostAsJsonAsync($"/notice/manage/notices/{notice.Id}/extend", new { endsOn = "2026-03-09" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        (await officer.PostAsJsonAsync($"/notice/manage/notices/{notice.Id}/extend", new { endsOn = "2026-03-13" }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/notice/manage/notices/{other.Id}/withdraw", new { reason = "材料需补正" }, Ct)).EnsureSuccessStatusCode();
        await Eventually.True(() => app.Delivered("NoticeExtended", extended.ApplicationId), "NoticeExtended delivered");
        await Eventually.True(() => app.Delivered("NoticeFailed", withdrawn.ApplicationId), "NoticeFailed (withdrawn) delivered");

        app.Clock.SetUtcNow(ClosesAt.AddMinutes(1));
        await Task.Delay(1500, Ct);
        Assert.Equal(NoticeStatus.Open, (await app.NoticeFor(extended.ApplicationId))!.Status);
        Assert.Equal(NoticeStatus.Withdrawn, (await app.NoticeFor(withdrawn.ApplicationId))!.Status);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 14, 0, 0, 0, Beijing));
        await app.WaitFor(extended.ApplicationId, NoticeStatus.Passed);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Objections_are_rate_limited_per_client()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: new Dictionary<string, string?> { ["Notice:ObjectionsPerWindow"] = "2" });
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var notice = await app.WaitFor(command.ApplicationId, NoticeStatus.Open);
        using var anonymous = app.Client(null);

        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"/notice/notices/{notice.Id}/objections", Objection(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"/notice/notices/{notice.Id}/objections", Objection(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.PostAsJsonAsync($"/notice/notices/{notice.Id}/objections", Objection(), Ct)).StatusCode);
    }

    /// <summary>Read once and kept: the stored calendar is read again only after a year changed (performance.md, fix 28).</summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_calendar_is_kept_between_uses_and_read_again_after_a_year_changes()
    {
        await using var app = new ClockedNoticeApp(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing));
        using var anonymous = app.Client(null);
        await anonymous.GetFromJsonAsync<JsonElement>("/notice/calendar/years", Ct); // started and seeded
        var calendars = app.Services.GetRequiredService<CalendarCache>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NoticeDbContext>();

        var first = await calendars.Get(db, Ct);
        Assert.Same(first, await calendars.Get(db, Ct));

        await CalendarStore.Put(db, HolidayArrangement.Create(2027, ["https://www.gov.cn/example-2027"], [new CalendarDay(new DateOnly(2027, 1, 1), true, "元旦")]),
            "admin", app.Clock.GetUtcNow(), Ct);
        await db.SaveChangesAsync(Ct);
        var changed = await calendars.Get(db, Ct);

        Assert.NotSame(first, changed);
        Assert.False(changed.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Same(changed, await calendars.Get(db, Ct));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_calendar_is_seeded_and_an_admin_adds_a_year()
    {
        await using var app = new ClockedNoticeApp(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing));
        using var anonymous = app.Client(null);
        var overview = await anonymous.GetFromJsonAsync<JsonElement>("/notice/calendar/years", Ct);
        Assert.Equal(Enumerable.Range(2019, 8), overview.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Contains("2027", overview.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        var day = await anonymous.GetFromJsonAsync<JsonElement>("/notice/calendar/days/2019-05-05", Ct);
        Assert.True(day.GetProperty("isWorkingDay").GetBoolean());
        var nth = await anonymous.GetFromJsonAsync<JsonElement>("/notice/calendar/nth-working-day?from=2019-04-26&n=5", Ct);
        Assert.Equal("2019-05-05", nth.GetProperty("date").GetString());

        var year = new { papers = new[] { "https://www.gov.cn/example-2027" }, days = new[] { new { date = "2027-01-01", isOffDay = true, name = "元旦" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/notice/calendar/years/2027", year, Ct)).StatusCode);
        using var admin = app.Client(Roles.Admin);
        var duplicate = new { year.papers, days = new[] { year.days[0], year.days[0] } };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/notice/calendar/years/2027", duplicate, Ct)).StatusCode);
        var stored = await admin.PutAsJsonAsync("/notice/calendar/years/2027", year, Ct);
        stored.EnsureSuccessStatusCode();
        Assert.Empty((await stored.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("warnings").EnumerateArray());
        day = await anonymous.GetFromJsonAsync<JsonElement>("/notice/calendar/days/2027-01-01", Ct);
        Assert.False(day.GetProperty("isWorkingDay").GetBoolean());
    }
}
