namespace Zgc.Audit;

/// <summary>
/// The result of walking a chain: how many entries were checked, whether all link up, and if not the first sequence
/// number at which the chain breaks and why. <see cref="LastHash"/> is the head of the chain: recording it elsewhere
/// (a ticket, a report) lets a later check notice entries removed from the end too.
/// </summary>
public sealed record AuditVerification(long Entries, bool Verified, long? FirstBrokenSequence, string? Reason, long? LastSequence, string? LastHash)
{
    internal static AuditVerification Broken(long checkedEntries, long sequence, string reason) => new(checkedEntries, false, sequence, reason, null, null);
}

/// <summary>Checks entries in sequence order, one at a time, so any length of chain is verified in constant memory.</summary>
internal sealed class AuditChainVerifier
{
    private long _expected = 1;
    private string _previousHash = AuditCanonicalForm.GenesisHash;
    private long _count;

    /// <summary>Null while the chain holds; the break otherwise.</summary>
    public AuditVerification? Check(AuditEntry entry)
    {
        _count++;
        if (entry.Sequence != _expected)
        {
            return entry.Sequence > _expected
                ? AuditVerification.Broken(_count, _expected, Missing(_expected, entry.Sequence))
                : AuditVerification.Broken(_count, entry.Sequence, $"Entry {entry.Sequence} appears out of order after entry {_expected - 1}.");
        }

        if (!string.Equals(entry.PreviousHash, _previousHash, StringComparison.Ordinal))
        {
            return AuditVerification.Broken(_count, entry.Sequence, entry.Sequence == 1
                ? "Entry 1 does not start the chain: its previous hash is not the genesis hash."
                : $"Entry {entry.Sequence} does not link to entry {entry.Sequence - 1}: its previous hash differs from that entry's hash (entry {entry.Sequence - 1} or its hash was changed).");
        }

        if (!string.Equals(AuditCanonicalForm.Hash(entry.PreviousHash, entry), entry.Hash, StringComparison.Ordinal))
        {
            return AuditVerification.Broken(_count, entry.Sequence, $"Entry {entry.Sequence} was altered: its hash does not match its contents.");
        }

        _expected++;
        _previousHash = entry.Hash;
        return null;
    }

    public AuditVerification Verified() =>
        new(_count, true, null, null, _count == 0 ? null : _expected - 1, _count == 0 ? null : _previousHash);

    private static string Missing(long expected, long found) => found == expected + 1
        ? $"Entry {expected} is missing: the next stored entry is {found}."
        : $"Entries {expected} to {found - 1} are missing: the next stored entry is {found}.";
}
