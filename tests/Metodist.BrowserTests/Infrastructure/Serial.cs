// Each journey starts its own app and Chromium; on a two-core CI machine running them side by side starved the
// first sign-in of one of them past its timeout, so the journeys run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
