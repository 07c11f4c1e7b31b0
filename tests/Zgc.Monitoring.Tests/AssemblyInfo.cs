// Timer tests start and stop their own in-process hosts on a fake clock; MassTransit keeps a process-wide log
// context, so hosts of this assembly must not start and stop concurrently.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
