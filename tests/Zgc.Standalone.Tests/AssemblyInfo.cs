// Every end-to-end test starts and stops a whole standalone host of its own (its own clock, its own databases); MassTransit
// keeps a process-wide log context, and two cores run six services each, so hosts of this assembly run one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
