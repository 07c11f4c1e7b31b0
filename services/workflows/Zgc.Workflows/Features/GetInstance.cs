using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Persistence;
using Zgc.ServiceDefaults.Limits;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// An instance's current state, every transition so far (event, from, to, time, message, actor), its pending timers, and
/// where its records live in the other services (relative API paths, for the console and for operators' tools). Answers
/// conditional requests and holds long polls (<see cref="InstanceWatch"/>).
/// </summary>
internal static class GetInstance
{
    // Compiled once per model: the simulated users and the console poll this page while they wait for a step (fix 40).
    private static readonly ModelCompiledQuery<WorkflowsDbContext, Guid, Lifecycle.PlatformLifecycle?> InstanceQuery =
        new((db, id, _) => db.Instances.AsNoTracking().SingleOrDefault(x => x.CorrelationId == id));

    private static readonly ModelCompiledListQuery<WorkflowsDbContext, Guid, TransitionView> TransitionsQuery =
        new((db, id) => db.Transitions.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.Id)
            .Select(t => new TransitionView(t.Event, t.FromState, t.ToState, t.At, t.MessageId, t.Actor, t.Reason)));

    // Saga timers carry the instance's id as their correlation id (OutboxScheduleMessageProvider).
    private static readonly ModelCompiledListQuery<WorkflowsDbContext, Guid, PendingTimer> TimersQuery =
        new((db, id) => db.OutboxMessages.AsNoTracking().Where(m => m.CorrelationId == id && m.DeliveredAt == null)
            .Select(m => new PendingTimer(m.MessageType, m.DueTime)));

    // The long poll's look at the version: one column of one row.
    private static readonly ModelCompiledQuery<WorkflowsDbContext, Guid, int?> VersionQuery =
        new((db, id, _) => db.Instances.Where(x => x.CorrelationId == id).Select(x => (int?)x.Version).SingleOrDefault());

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances/{id:guid}", Handle).WithName("GetLifecycleInstance")
        .Produces(StatusCodes.Status304NotModified);

    private static async Task<Results<Ok<InstanceDetail>, NotFound, StatusCodeHttpResult>> Handle(Guid id, HttpContext http, IServiceScopeFactory scopes,
        TimeProvider clock, InstanceChanges changes, IOptions<WorkflowsOptions> options, CancellationToken cancellationToken)
    {
        var wait = InstanceWatch.RequestedWait(http.Request, options.Value.InstanceWatchMaxWait);
        var i = await Read(scopes, db => InstanceQuery.Run(db, id, cancellationToken));
        if (wait > TimeSpan.Zero && (i is null || InstanceWatch.Unchanged(http.Request, i.Version)))
        {
            var known = i?.Version;
            i = await InFlightLimit.OutsideTurn(http, () => Changed(id, known, scopes, changes, wait, options.Value.InstanceWatchRecheck, cancellationToken)) ?? i;
            http.Response.Headers[InstanceWatch.PreferenceAppliedHeader] = $"wait={(int)wait.TotalSeconds}";
        }

        if (i is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = InstanceWatch.Tag(i.Version);
        if (InstanceWatch.Unchanged(http.Request, i.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var (transitions, pending) = await Read(scopes, async db => (await TransitionsQuery.Run(db, id, cancellationToken), await TimersQuery.Run(db, id, cancellationToken)));
        var now = clock.GetUtcNow();
        // An instance has a few undelivered rows at most, so the timers still ahead are picked here rather than by a second parameter.
        var timers = pending
            .Where(m => m.DueTime > now)
            .OrderBy(m => m.DueTime)
            .Select(m => new InstanceTimerView(ShortType(m.MessageType), m.DueTime, m.DueTime - now)).ToList();
        return TypedResults.Ok(new InstanceDetail(i.CorrelationId, i.PlatformName, i.UnitUscc, i.UnitName, i.SubPark, i.IndustryField, i.CurrentState,
            i.PolicyVersion, i.EspeciallyMajor, i.NoticeId, i.NoticeEndsOn, i.OutcomeReason, i.CreatedAt, i.UpdatedAt, i.StateEnteredAt, i.WaitingAlert,
            i.WaitingAlertAt, transitions, LifecycleProgress.From(i), timers, Links(i)));
    }

    /// <summary>
    /// A read with a context leased for it alone. The page does not take the request's context: a held long poll would keep
    /// it (and its SQLite connection with its prepared statements) for the whole wait — at 128 watchers in the programme
    /// bench, ~60 MB more at the peak.
    /// </summary>
    private static async Task<T> Read<T>(IServiceScopeFactory scopes, Func<WorkflowsDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the instance's version to differ from <paramref name="known"/> (null: for it to
    /// exist) and returns it as it is then; null if it did not change. The wait is real time, not the programme's clock
    /// (which tests and the bench move by days).
    /// </summary>
    private static async Task<Lifecycle.PlatformLifecycle?> Changed(Guid id, int? known, IServiceScopeFactory scopes, InstanceChanges changes,
        TimeSpan wait, TimeSpan recheck, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            while (true)
            {
                // Watch first, then read: a commit between the two still wakes the wait.
                using var watch = changes.Start(id);
                if (await Read(scopes, db => VersionQuery.Run(db, id, timeout.Token)) != known)
                {
                    return await Read(scopes, db => InstanceQuery.Run(db, id, cancellationToken));
                }

                try
                {
                    await watch.Changed.WaitAsync(recheck, timeout.Token);
                }
                catch (TimeoutException)
                {
                    // Time to read the version again: another replica may have changed the instance.
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // waited the whole time; nothing changed
        }
    }

    private static Dictionary<string, string> Links(Lifecycle.PlatformLifecycle i)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["application"] = $"/intake/applications/{i.CorrelationId}",
            ["applicationVersions"] = $"/intake/applications/{i.CorrelationId}/versions",
            ["reviewCase"] = $"/review/cases/{i.CorrelationId}",
            ["monitoring"] = $"/monitoring/platforms/{i.CorrelationId}",
        };
        if (i.NoticeId is { } notice)
        {
            links["notice"] = $"/notice/notices/{notice}";
            links["publicNotice"] = $"/notice/public/notices/{notice}";
        }

        if (i.AgreementId is { } agreement)
        {
            links["agreement"] = $"/funding/agreements/{agreement}";
        }

        return links;
    }

    private sealed record PendingTimer(string MessageType, DateTimeOffset DueTime);

    /// <summary>"urn:message:Zgc.Monitoring.Contracts:OpenAnnualReport;…" → "OpenAnnualReport".</summary>
    private static string ShortType(string messageType)
    {
        var first = messageType.Split(';')[0];
        return first[(first.LastIndexOf(':') + 1)..];
    }
}
