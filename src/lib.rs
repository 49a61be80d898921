//! `dangjian` (党建): records, workflows, scoring and reports for grassroots Party-building as
//! practised in the Sanming "168" model. The core (model, check, workflow, review, report) is
//! pure; `workspace` is the edge that reads and writes files; `commands` wires the CLI.

pub mod check;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod error;
pub mod format;
pub mod fuzzing;
pub mod i18n;
pub mod listing;
pub mod model;
pub mod report;
pub mod review;
pub mod roster;
pub mod workflow;
pub mod workspace;
