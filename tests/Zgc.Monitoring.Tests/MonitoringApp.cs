using Zgc.Testing;

namespace Zgc.Monitoring.Tests;

public sealed class MonitoringApp : ServiceAppFactory<Program>;
