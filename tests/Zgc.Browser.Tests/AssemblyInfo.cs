// Every class starts a whole standalone host and a Chromium of its own; on two cores they run one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
