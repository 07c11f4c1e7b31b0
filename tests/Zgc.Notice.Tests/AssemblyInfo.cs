// The restart test stops one in-process host and starts another on the same database; MassTransit keeps a
// process-wide log context, so hosts of this assembly must not start and stop concurrently.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
