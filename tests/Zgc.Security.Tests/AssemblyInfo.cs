// Each test class starts its own standalone host; MassTransit's process-wide LogContext does not survive hosts
// starting and stopping side by side.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
