using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zgc.Messaging.Faults;

/// <summary>
/// First step of an endpoint's error pipe: whatever ends there — a consumer that failed all its retries, or a
/// body that could not be deserialised — is recorded with its reason before MassTransit moves it to the
/// <c>_error</c> queue. Recording never throws: a message must not be lost because its fault could not be written.
/// </summary>
internal sealed partial class FaultRecordingFilter<TDb>(IServiceProvider services, string endpoint) : IFilter<ExceptionReceiveContext>
    where TDb : DbContext
{
    private const int MaxBody = 256 * 1024;

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        try
        {
            await Record(context);
        }
        catch (Exception ex)
        {
            LogRecordFailed(services.GetRequiredService<ILogger<FaultRecordingFilter<TDb>>>(), endpoint, ex);
        }

        await next.Send(context);
    }

    private async Task Record(ExceptionReceiveContext context)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var body = context.Body.GetString();
        var envelope = EnvelopeInfo.TryRead(body);
        var exception = context.Exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : context.Exception;
        db.Add(new FaultedMessage
        {
            Id = NewId.NextGuid(),
            MessageId = envelope?.MessageId ?? context.GetMessageId(),
            Endpoint = endpoint,
            MessageType = envelope?.MessageTypes ?? "",
            ContentType = context.ContentType?.ToString(),
            Body = body.Length <= MaxBody ? body : body[..MaxBody],
            ExceptionType = exception.GetType().FullName ?? exception.GetType().Name,
            ExceptionMessage = Truncate(exception.Message, 2000),
            StackTrace = exception.StackTrace is { } trace ? Truncate(trace, 4000) : null,
            FaultedAt = clock.GetUtcNow(),
            Status = FaultStatus.Faulted,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("zgc-fault-recording");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record a faulted message of endpoint {Endpoint}")]
    private static partial void LogRecordFailed(ILogger logger, string endpoint, Exception exception);
}
