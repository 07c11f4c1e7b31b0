namespace Zgc.Testing;

/// <summary>Polls until an asynchronous effect (a message delivered, a state reached) is visible, or fails with a message.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
    }

    public static Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        Get(async () => (bool?)await probe(), v => v == true, what, timeout);
}
