using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>When the audit store fails, the request's own outcome stands, and the lost entry is logged and counted.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private readonly ErrorCollector _errors = new();
    private readonly CollectingApp _app;

    public FailureTests() => _app = new CollectingApp(_errors);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_successful_request_stays_successful_when_its_entry_cannot_be_written()
    {
        var ct = TestContext.Current.CancellationToken;
        long failures = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Zgc.Audit" && instrument.Name == "zgc.audit.append_failures")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "service" && (string?)tag.Value == "intake")
                {
                    Interlocked.Add(ref failures, value);
                }
            }
        });
        listener.Start();

        using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit, user: "zhou.ba");
        _ = _app.Services;
        await _app.Sql("DROP TABLE audit_entries");

        var response = await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, Interlocked.Read(ref failures));
        var error = Assert.Single(_errors.Messages, m => m.Contains("AUDIT ENTRY LOST", StringComparison.Ordinal));
        Assert.Contains("PUT /intake/units/mine answered 201 for zhou.ba", error, StringComparison.Ordinal);
    }

    private sealed class CollectingApp(ErrorCollector errors) : AuditedIntakeApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(errors));
        }
    }

    private sealed class ErrorCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(ErrorCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Messages.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
