namespace Zgc.Bench.Programme.Scenarios;

/// <summary>Not written yet.</summary>
public static class LifecycleScenario
{
    public static Task Run(ProgrammeRun run) => throw new NotSupportedException("Lifecycle scenario: not written yet.");
}
