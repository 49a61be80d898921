//! Finding the workspace root: `-C DIR` or `DANGJIAN_WORKSPACE`, else the nearest folder upward
//! from the current one that holds `dangjian.toml` (as git finds `.git`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::i18n::{Locale, tf};

pub const SETTINGS_FILE: &str = "dangjian.toml";

pub fn find_root(explicit: Option<&Path>, locale: Locale) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        if dir.join(SETTINGS_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
        bail!(tf(locale, "cli.no-settings-in", &[("dir", &dir.display())]));
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let mut dir: &Path = &cwd;
    loop {
        if dir.join(SETTINGS_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
        match dir.parent() {
            Some(p) => dir = p,
            None => bail!(tf(locale, "cli.no-workspace", &[("dir", &cwd.display())])),
        }
    }
}
