// Hosts start and stop here, and MassTransit keeps a process-wide LogContext; the failure test also counts a
// process-wide metric. One test at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
