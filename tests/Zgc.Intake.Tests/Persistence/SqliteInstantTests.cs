using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Intake.Tests.Persistence;

/// <summary>
/// On SQLite an instant is stored as one integer; a bound given in Beijing time (+08:00), such as the start of a day in a
/// date filter, must compare with it as an instant. 01:10 in Beijing is 17:10 UTC the day before: it belongs to the
/// Beijing day, whatever the time of day the test runs (the list's date filter missed such rows between 16:00 and 24:00 UTC).
/// </summary>
public sealed class SqliteInstantTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_instant_compares_with_a_Beijing_day_as_an_instant_and_reads_back_exactly()
    {
        var day = BeijingTime.Today(TimeProvider.System);
        var at = BeijingTime.StartOfDay(day).AddMinutes(70).ToUniversalTime();
        var caller = Guid.NewGuid().ToString("N");
        await app.InDb<IntakeDbContext, int>(db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Caller = caller, Operation = "instant-test", Key = "k", RequestHash = "h", StatusCode = 200, ResponseJson = "{}", CreatedAt = at,
            });
            return db.SaveChangesAsync(Ct);
        });

        var (start, end) = (BeijingTime.StartOfDay(day), BeijingTime.EndOfDay(day));
        var onTheDay = await app.InDb<IntakeDbContext, int>(db =>
            db.IdempotencyRecords.CountAsync(r => r.Caller == caller && r.CreatedAt >= start && r.CreatedAt < end, Ct));
        var before = await app.InDb<IntakeDbContext, int>(db =>
            db.IdempotencyRecords.CountAsync(r => r.Caller == caller && r.CreatedAt < start, Ct));
        var read = await app.InDb<IntakeDbContext, DateTimeOffset>(db =>
            db.IdempotencyRecords.Where(r => r.Caller == caller).Select(r => r.CreatedAt).SingleAsync(Ct));

        Assert.Equal((1, 0), (onTheDay, before));
        Assert.Equal((at, TimeSpan.Zero), (read, read.Offset));
    }
}
