using Zgc.Testing;

namespace Zgc.Messaging.Tests.Support;

/// <summary>Starts the built Zgc.Messaging.TestHost DLL as a process of its own.</summary>
public static class TestHostProcess
{
    /// <summary>
    /// Not yet ready when this returns: the caller registers the process for clean-up first, then waits.
    /// ServiceProcess looks under services/&lt;folder&gt;/&lt;project&gt;/bin; "../tests" points it at
    /// tests/Zgc.Messaging.TestHost/bin instead, so the logging, kill and readiness logic is shared.
    /// </summary>
    public static Task<ServiceProcess> Start(IReadOnlyDictionary<string, string> environment) =>
        ServiceProcess.Start(Path.Combine("..", "tests"), "Zgc.Messaging.TestHost", environment, waitForReady: false);
}
