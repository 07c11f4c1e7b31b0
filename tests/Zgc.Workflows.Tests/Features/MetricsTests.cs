using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Zgc.Testing;

namespace Zgc.Workflows.Tests.Features;

/// <summary>Business metrics operators chart (issue 12): lifecycle instances per state, counted in the database.</summary>
public sealed class MetricsTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_instances_gauge_counts_instances_per_state()
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "zgc.workflows.instances")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "state" && tag.Value is string state)
                {
                    seen.AddOrUpdate(state, value, (_, old) => Math.Max(old, value));
                }
            }
        });
        listener.Start();

        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");

        await Eventually.True(() =>
        {
            seen.Clear();
            listener.RecordObservableInstruments();
            return Task.FromResult(seen.GetValueOrDefault("SubParkReview") >= 1);
        }, "the gauge reporting the instance in SubParkReview", TimeSpan.FromSeconds(20));
    }
}
