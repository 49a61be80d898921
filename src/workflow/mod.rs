//! The post process and the six-step method: pure state transitions over records. Each step
//! takes records and options and returns the edit to make or every reason it is refused.

pub mod commitment;
pub mod post;
pub mod sixstep;
