// Each test class starts its own set of service processes (four for the thin flow, six for the lifecycle); started together
// on a small machine they miss their readiness deadline, so the classes of this assembly run one after the other.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
