namespace Zgc.Messaging.Outbox;

/// <summary>
/// The one order delivery uses everywhere: the claim, the lanes and the blocked-lane test (ADR 0003). Due time first, so
/// a timer that fell due late does not hold back what fell due before it; the sequence breaks ties, which keeps a
/// producing transaction's rows (same stamp or later) in the order they were written.
/// </summary>
internal static class ClaimOrder
{
    public static int Compare((DateTimeOffset DueTime, long SequenceNumber) row, OutboxMessage other)
    {
        var byDue = row.DueTime.CompareTo(other.DueTime);
        return byDue != 0 ? byDue : row.SequenceNumber.CompareTo(other.SequenceNumber);
    }
}
