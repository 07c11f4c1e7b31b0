namespace Zgc.Bench.Programme.Scenarios;

/// <summary>Not written yet.</summary>
public static class ApiScenario
{
    public static Task Run(ProgrammeRun run) => throw new NotSupportedException("Api scenario: not written yet.");
}
