namespace Zgc.Bench.Programme.Scenarios;

/// <summary>Not written yet.</summary>
public static class TimersScenario
{
    public static Task Run(ProgrammeRun run) => throw new NotSupportedException("Timers scenario: not written yet.");
}
