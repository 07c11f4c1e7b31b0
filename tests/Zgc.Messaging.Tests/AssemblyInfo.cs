// One test at a time: some tests kill hosts or stop the shared RabbitMQ broker, and timing assertions
// (timers, "still once a few seconds later") want the two CPU cores to themselves.
// (xUnit v3 4.0 replaced CollectionBehavior(DisableTestParallelization = true) with this attribute.)
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
