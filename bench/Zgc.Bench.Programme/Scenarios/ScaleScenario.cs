namespace Zgc.Bench.Programme.Scenarios;

/// <summary>Not written yet.</summary>
public static class ScaleScenario
{
    public static Task Run(ProgrammeRun run) => throw new NotSupportedException("Scale scenario: not written yet.");
}
