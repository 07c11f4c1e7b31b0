using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Zgc.Bench.Programme.Scenarios.Scale;

/// <summary>What was loaded: enough to check the API's answers against (counts per state, a sample of instances).</summary>
public sealed record LoadedHistory(int Instances, long Transitions, TimeSpan Elapsed, IReadOnlyDictionary<string, int> ByState,
    IReadOnlyList<(Guid Id, string State, int Transitions)> Sample, IReadOnlyList<Guid> Ids);

/// <summary>
/// Writes the synthetic instances and their history straight into the workflows service's tables (after it migrated them)
/// with binary COPY: the saga's rows exactly as the EF model maps them, at a speed that makes 100,000 histories a matter of
/// seconds. The history's identity column is left to the database, in the order the steps happened.
/// </summary>
public static class BulkLoad
{
    private const string InstanceCopy = """
        COPY "PlatformLifecycles" ("CorrelationId", "Version", "CurrentState", "PolicyVersion", "PlatformName", "UnitUscc", "UnitName",
            "SubPark", "IndustryField", "SubArea", "ApplicationVersion", "TotalInvestmentFen", "SupportBaseFen", "IntegratedEnterpriseUsccs",
            "SubParkRanking", "Returns", "ExpertSupported", "ExpertTrimmedMean", "MeetingDeferrals", "EspeciallyMajor", "MajorDecisionReference",
            "AgreementId", "ConstructionStartsOn", "ConstructionYear", "CurrentYearFunded", "PaidFen", "LastEvaluatedYear", "LastEvaluationPassed",
            "RejectedAtStage", "NoticeId", "NoticeEndsOn", "OutcomeReason", "StateEnteredAt", "WaitingLimitToken", "WaitingAlert", "WaitingAlertAt",
            "CreatedAt", "UpdatedAt")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string TransitionCopy = """
        COPY "LifecycleTransitions" ("InstanceId", "Event", "FromState", "ToState", "At", "MessageId", "Actor", "Reason")
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task<LoadedHistory> Run(string connectionString, int count, DateTimeOffset now)
    {
        var history = new SyntheticHistory(now);
        var byState = new Dictionary<string, int>(StringComparer.Ordinal);
        var sample = new List<(Guid, string, int)>();
        var ids = new Guid[count];
        long transitions = 0;
        var clock = Stopwatch.StartNew();

        await using var instancesConnection = new NpgsqlConnection(connectionString);
        await using var historyConnection = new NpgsqlConnection(connectionString);
        await instancesConnection.OpenAsync();
        await historyConnection.OpenAsync();
        await using (var instances = await instancesConnection.BeginBinaryImportAsync(InstanceCopy))
        await using (var rows = await historyConnection.BeginBinaryImportAsync(TransitionCopy))
        {
            for (var n = 0; n < count; n++)
            {
                var i = history.Next(n + 1);
                ids[n] = i.Id;
                byState[i.CurrentState] = byState.GetValueOrDefault(i.CurrentState) + 1;
                if (n % Math.Max(1, count / 40) == 0)
                {
                    sample.Add((i.Id, i.CurrentState, i.Transitions.Count));
                }

                await WriteInstance(instances, i);
                foreach (var t in i.Transitions)
                {
                    await rows.StartRowAsync();
                    await rows.WriteAsync(i.Id, NpgsqlDbType.Uuid);
                    await rows.WriteAsync(t.Event, NpgsqlDbType.Varchar);
                    await rows.WriteAsync(t.From, NpgsqlDbType.Varchar);
                    await rows.WriteAsync(t.To, NpgsqlDbType.Varchar);
                    await rows.WriteAsync(t.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                    await Nullable(rows, t.MessageId, NpgsqlDbType.Uuid);
                    await Nullable(rows, t.Actor, NpgsqlDbType.Varchar);
                    await Nullable(rows, t.Reason, NpgsqlDbType.Varchar);
                }

                transitions += i.Transitions.Count;
            }

            await instances.CompleteAsync();
            await rows.CompleteAsync();
        }

        // A table that grew over years has planner statistics and a visibility map; one filled in a minute has neither until
        // autovacuum comes by (it did, part-way through earlier runs). Without the map the planner cannot count on
        // index-only scans and sorts the whole table for a deep page instead, so the queries would measure a moment no
        // running programme is in.
        // One command each: VACUUM refuses to run inside the implicit transaction of a multi-statement batch.
        foreach (var table in new[] { "PlatformLifecycles", "LifecycleTransitions" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) \"{table}\"", instancesConnection);
            await vacuum.ExecuteNonQueryAsync();
        }

        return new LoadedHistory(count, transitions, clock.Elapsed, byState, sample, ids);
    }

    private static async Task WriteInstance(NpgsqlBinaryImporter w, ScaleInstance i)
    {
        await w.StartRowAsync();
        await w.WriteAsync(i.Id, NpgsqlDbType.Uuid);
        await w.WriteAsync(i.Version, NpgsqlDbType.Integer);
        await w.WriteAsync(i.CurrentState, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.PolicyVersion, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.PlatformName, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.UnitUscc, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.UnitName, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.SubPark, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.IndustryField, NpgsqlDbType.Varchar);
        await Nullable(w, i.SubArea, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.ApplicationVersion, NpgsqlDbType.Integer);
        await w.WriteAsync(i.TotalInvestmentFen, NpgsqlDbType.Bigint);
        await w.WriteAsync(i.SupportBaseFen, NpgsqlDbType.Bigint);
        await Nullable(w, i.IntegratedEnterpriseUsccs, NpgsqlDbType.Varchar);
        await Nullable(w, i.SubParkRanking, NpgsqlDbType.Integer);
        await w.WriteAsync(i.Returns, NpgsqlDbType.Integer);
        await Nullable(w, i.ExpertSupported, NpgsqlDbType.Boolean);
        await Nullable(w, i.ExpertTrimmedMean, NpgsqlDbType.Numeric);
        await w.WriteAsync(i.MeetingDeferrals, NpgsqlDbType.Integer);
        await w.WriteAsync(i.EspeciallyMajor, NpgsqlDbType.Boolean);
        await Nullable(w, i.MajorDecisionReference, NpgsqlDbType.Varchar);
        await Nullable(w, i.AgreementId, NpgsqlDbType.Uuid);
        await Nullable(w, i.ConstructionStartsOn, NpgsqlDbType.Date);
        await w.WriteAsync(i.ConstructionYear, NpgsqlDbType.Integer);
        await w.WriteAsync(i.CurrentYearFunded, NpgsqlDbType.Boolean);
        await w.WriteAsync(i.PaidFen, NpgsqlDbType.Bigint);
        await Nullable(w, i.LastEvaluatedYear, NpgsqlDbType.Integer);
        await Nullable(w, i.LastEvaluationPassed, NpgsqlDbType.Boolean);
        await Nullable(w, i.RejectedAtStage, NpgsqlDbType.Varchar);
        await Nullable(w, i.NoticeId, NpgsqlDbType.Uuid);
        await Nullable(w, i.NoticeEndsOn, NpgsqlDbType.Date);
        await Nullable(w, i.OutcomeReason, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.StateEnteredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await w.WriteNullAsync(); // WaitingLimitToken: no timer is loaded, so none is pending
        await Nullable(w, i.WaitingAlert, NpgsqlDbType.Varchar);
        await Nullable(w, i.WaitingAlertAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await w.WriteAsync(i.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await w.WriteAsync(i.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : class =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value, type);

    private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? w.WriteAsync(v, type) : w.WriteNullAsync();
}
