//! The benchmark's floor: read and parse every `.toml` file under a folder into a `toml::Table`,
//! in parallel, and nothing else. `cargo run --release --example floor -- DIR` prints the number
//! of files, bytes and top-level keys (so the work cannot be optimised away) and the time taken.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: floor DIR");
        std::process::exit(2)
    };
    let started = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || {
                let name = e.file_name().to_string_lossy();
                !name.starts_with('.') && name != "target"
            }
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect();
    let (bytes, keys, failed) = files
        .par_iter()
        .map(|path| match std::fs::read_to_string(path) {
            Ok(text) => match text.parse::<toml::Table>() {
                Ok(table) => (text.len(), table.len(), 0usize),
                Err(_) => (text.len(), 0, 1),
            },
            Err(_) => (0, 0, 1),
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    println!(
        "{} files, {:.1} MB, {} keys, {} failed, {:.3}s",
        files.len(),
        bytes as f64 / 1e6,
        keys,
        failed,
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        std::process::exit(1)
    }
}
