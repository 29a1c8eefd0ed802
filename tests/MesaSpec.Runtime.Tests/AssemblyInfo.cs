// Torch's thread count is process-wide and the machine has two cores: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
