using System.Diagnostics.Metrics;

namespace Zgc.Audit;

/// <summary>
/// <c>zgc.audit.appended</c> and <c>zgc.audit.append_failures</c> (tag <c>service</c>): an alert on the second means
/// requests are succeeding without their audit entries (see the error log for which).
/// </summary>
internal sealed class AuditMetrics
{
    public const string MeterName = "Zgc.Audit";

    private readonly Counter<long> _appended;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _batchSize;

    public AuditMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _appended = meter.CreateCounter<long>("zgc.audit.appended", description: "Audit entries appended.");
        _failures = meter.CreateCounter<long>("zgc.audit.append_failures", description: "Audit entries that could not be appended.");
        _duration = meter.CreateHistogram<double>("zgc.audit.append.duration", unit: "ms", description: "Time to append one entry, lock included.");
        _batchSize = meter.CreateHistogram<int>("zgc.audit.append.batch_size", unit: "{entry}",
            description: "Entries appended by one transaction (requests waiting together are written together).");
    }

    public void Appended(string service, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("service", service);
        _appended.Add(1, tag);
        _duration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void BatchWritten(string service, int entries) => _batchSize.Record(entries, new KeyValuePair<string, object?>("service", service));

    public void Failed(string service) => _failures.Add(1, new KeyValuePair<string, object?>("service", service));
}
