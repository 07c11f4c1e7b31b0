// Several test classes host the service (each its own host and in-memory bus); MassTransit keeps a process-wide
// LogContext, so the classes run one after another.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
