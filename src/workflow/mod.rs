//! The post process and the six-step method: pure state transitions over records.
