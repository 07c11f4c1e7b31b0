using Zgc.Testing;

namespace Zgc.Standalone.Tests;

/// <summary>The whole standalone composition in-process: six services and the console, in-memory bus, SQLite files.</summary>
public sealed class StandaloneApp : ServiceAppFactory<Program>;
