namespace Zgc.Messaging;

/// <summary>
/// Test-only crash switch (<c>Messaging:CrashAfterOutboxCommit</c>): proves that a message committed to the
/// outbox survives a process dying before delivery. Never set in a real deployment.
/// </summary>
internal static class FaultInjection
{
    public static void CrashNow(string where)
    {
        Console.Error.WriteLine($"FAULT INJECTION: exiting {where}.");
        Environment.FailFast($"Fault injection: {where}");
    }
}
