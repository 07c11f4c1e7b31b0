using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>
/// Caps how many API requests a process works on at once (<see cref="RequestLimitsOptions.MaxConcurrentRequests"/>);
/// the next ones wait their turn in arrival order, and past <see cref="RequestLimitsOptions.RequestQueueLimit"/> waiting
/// a request is refused at once with 503 and <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Why: a burst above capacity otherwise puts hundreds of requests in flight together; they share the CPU, the database
/// connections and the locks, each takes longer, and the process serves fewer per second than it could serve one at a
/// time, so the backlog never drains (measured on intake: 119 submissions/s capacity fell to ~74/s with a queue of
/// hundreds, p99 ~30 s). Waiting in a FIFO line costs nothing but time, and the work in flight stays at the level the
/// machine serves best. Only API handlers count (endpoints with a handler method): not health checks, static files, the
/// console's pages or its Blazor connection. Endpoints that call this process's own APIs (the console's document
/// download, the workflows service's incident view, which ask other services — in the standalone host, this process)
/// are exempt with <see cref="ExemptFromInFlightLimit{TBuilder}"/>: holding a turn while waiting for another would let
/// enough of them wait on each other for ever.
/// </remarks>
public static class InFlightLimit
{
    public const string Rule = "server-busy";

    /// <summary>Marks an endpoint as not counted by the in-flight limit (see the remarks on <see cref="InFlightLimit"/>).</summary>
    public static TBuilder ExemptFromInFlightLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ExemptMetadata.Instance);

    internal static IApplicationBuilder UseInFlightLimit(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        if (options.MaxConcurrentRequests <= 0)
        {
            return app;
        }

        // One limiter per process: the limit is on what this machine's process works on, whichever service is asked.
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.RequestQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()
            .ApplicationStopped.Register(limiter.Dispose);

        return app.Use(async (context, next) =>
        {
            if (!Counts(context))
            {
                await next(context);
                return;
            }

            using var turn = await InFlightTurn.Take(limiter, context.RequestAborted);
            if (turn is null)
            {
                await Refuse(context);
                return;
            }

            context.Features.Set(turn);
            await next(context);
        });
    }

    /// <summary>
    /// Runs <paramref name="wait"/> — a wait for something to happen elsewhere, such as a long poll's — without holding
    /// the request's turn, and takes a turn again afterwards for the work that follows. Waiting requests would otherwise
    /// hold every turn while the ones that make their wait end queue behind them.
    /// </summary>
    public static async Task<T> OutsideTurn<T>(HttpContext context, Func<Task<T>> wait)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(wait);
        var turn = context.Features.Get<InFlightTurn>();
        turn?.Leave();
        try
        {
            return await wait();
        }
        finally
        {
            if (turn is not null)
            {
                await turn.Return(context.RequestAborted);
            }
        }
    }

    private static bool Counts(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        return metadata?.GetMetadata<MethodInfo>() is not null && metadata.GetMetadata<ExemptMetadata>() is null;
    }

    private static Task Refuse(HttpContext context)
    {
        const int retryAfterSeconds = 1;
        return RuleProblem.WriteAsync(context, RuleProblem.Create(StatusCodes.Status503ServiceUnavailable, Rule, "The service is busy.",
                $"Too many requests are waiting; nothing was done. Try again in {retryAfterSeconds} second(s).",
                $"服务繁忙，等待处理的请求过多，本次请求未执行。请于{retryAfterSeconds}秒后重试。"),
            TimeSpan.FromSeconds(retryAfterSeconds));
    }

    private sealed class ExemptMetadata
    {
        public static readonly ExemptMetadata Instance = new();
    }
}
