//! The command line in the workspace language: the language is chosen before parsing (`--lang`,
//! else the `locale` of the workspace's `dangjian.toml` found from `-C`, `DANGJIAN_WORKSPACE` or
//! the current folder — only that file is read — else zh-CN), every command's `about` and every
//! argument's `help` is replaced by its catalog text (`help.<command path>`), and clap's errors
//! are written from the catalog. English keeps clap's own texts, which the catalog mirrors.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::i18n::{Locale, lookup, t, tf};

/// The language of the command line for these arguments (the program name first).
pub fn early_locale(args: &[OsString]) -> Locale {
    let args: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if let Some(lang) = option_value(&args, &["--lang"]) {
        return lang.parse().unwrap_or_default();
    }
    let dir = option_value(&args, &["-C", "--workspace"])
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("DANGJIAN_WORKSPACE").map(PathBuf::from))
        .or_else(|| std::env::current_dir().ok());
    dir.as_deref()
        .and_then(workspace_locale)
        .unwrap_or_default()
}

/// Parses the arguments with help and errors in `locale`; on a parse error or a help or version
/// request, prints it and gives the exit code.
/// `--help` and `--version`, which clap lists after the command's own options.
fn is_builtin(id: &str) -> bool {
    matches!(id, "help" | "version")
}

pub fn parse(args: Vec<OsString>, locale: Locale) -> Result<Cli, u8> {
    let mut cmd = command(locale);
    let result = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    result.map_err(|e| {
        let code = u8::try_from(e.exit_code()).unwrap_or(2);
        match (locale, e.kind()) {
            (Locale::En, _)
            | (
                _,
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
            ) => {
                let _ = e.print();
            }
            _ => eprint!("{}", error_text(&e, locale)),
        }
        code
    })
}

/// The clap command with every help text in `locale`.
pub fn command(locale: Locale) -> Command {
    let mut cmd = Cli::command();
    if locale == Locale::En {
        return cmd;
    }
    cmd.build();
    localize(cmd, "dangjian", locale)
}

fn localize(mut cmd: Command, path: &str, locale: Locale) -> Command {
    if let Some(text) = lookup(locale, &format!("help.{path}")) {
        cmd = cmd.about(text);
    } else if cmd.get_name() == "help" {
        cmd = cmd.about(t(locale, "help.builtin.help-command"));
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        t(locale, "cli.usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t(locale, "cli.heading.commands"));
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (order, (id, positional)) in args.into_iter().enumerate() {
        let text = lookup(locale, &format!("help.{path}.arg.{id}"))
            .or_else(|| lookup(locale, &format!("help.dangjian.arg.{id}")))
            .or_else(|| match id.as_str() {
                "help" => Some(t(locale, "help.builtin.help")),
                "version" => Some(t(locale, "help.builtin.version")),
                _ => None,
            });
        let heading = t(
            locale,
            if positional {
                "cli.heading.arguments"
            } else {
                "cli.heading.options"
            },
        );
        cmd = cmd.mut_arg(&id, |a| {
            // The command's own options first, then the global ones, as clap shows them in
            // English (editing an argument after the build would otherwise interleave them).
            let a = if a.is_global_set() || is_builtin(&id) {
                a.display_order(1000 + order)
            } else {
                a.display_order(order)
            };
            let Some(text) = text else {
                return a.help_heading(heading);
            };
            // clap writes these notes in English: hide them and write them from the catalog.
            let mut help = text.to_string();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let env = a.get_env().map(|e| e.to_string_lossy().into_owned());
            if let Some(env) = &env {
                help.push_str(&format!(
                    " [{}]",
                    tf(locale, "cli.note.env", &[("name", env)])
                ));
            }
            if !defaults.is_empty() && a.get_action().takes_values() {
                let value = defaults.join(", ");
                help.push_str(&format!(
                    " [{}]",
                    tf(locale, "cli.note.default", &[("value", &value)])
                ));
            }
            if !values.is_empty() {
                let values = values.join(", ");
                help.push_str(&format!(
                    " [{}]",
                    tf(locale, "cli.clap.possible-values", &[("values", &values)])
                ));
            }
            a.help_heading(heading)
                .help(help)
                .hide_possible_values(true)
                .hide_default_value(true)
                .hide_env(true)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path == "dangjian" {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &sub_path, locale));
    }
    cmd
}

/// A clap error in `locale`: `错误：` and the message, the usage, and where to find help.
fn error_text(e: &clap::Error, locale: Locale) -> String {
    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let strings = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = string(ContextKind::InvalidArg);
    let value = string(ContextKind::InvalidValue);
    let mut lines = Vec::new();
    match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            lines.push(t(locale, "cli.clap.missing-required").to_string());
            for a in strings(ContextKind::InvalidArg) {
                lines.push(format!("  {a}"));
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut line = tf(
                locale,
                "cli.clap.invalid-value",
                &[("value", &value), ("arg", &arg)],
            );
            if let Some(source) = std::error::Error::source(e) {
                // A keyword's parse error lists the words in both languages: keep the list.
                let source = source.to_string();
                match source.split_once(" is not one of ") {
                    Some((_, words)) => line.push_str(&format!(
                        "\n  {}",
                        tf(locale, "cli.clap.possible-values", &[("values", &words)])
                    )),
                    None => line.push_str(&format!("：{source}")),
                }
            }
            lines.push(line);
            let valid = strings(ContextKind::ValidValue);
            if !valid.is_empty() {
                lines.push(format!(
                    "  {}",
                    tf(
                        locale,
                        "cli.clap.possible-values",
                        &[("values", &valid.join(", "))]
                    )
                ));
            }
        }
        ErrorKind::UnknownArgument => {
            lines.push(tf(locale, "cli.clap.unknown-argument", &[("arg", &arg)]));
        }
        ErrorKind::InvalidSubcommand => {
            let command = string(ContextKind::InvalidSubcommand);
            lines.push(tf(
                locale,
                "cli.clap.unknown-command",
                &[("command", &command)],
            ));
        }
        ErrorKind::MissingSubcommand => {
            let command = string(ContextKind::InvalidSubcommand);
            lines.push(tf(
                locale,
                "cli.clap.missing-command",
                &[("command", &command)],
            ));
        }
        ErrorKind::ArgumentConflict => {
            let other = string(ContextKind::PriorArg);
            lines.push(tf(
                locale,
                "cli.clap.conflict",
                &[("arg", &arg), ("other", &other)],
            ));
        }
        ErrorKind::InvalidUtf8 | ErrorKind::NoEquals | ErrorKind::WrongNumberOfValues
            if !arg.is_empty() =>
        {
            lines.push(tf(locale, "cli.clap.value-needed", &[("arg", &arg)]));
        }
        ErrorKind::TooManyValues => {
            lines.push(tf(
                locale,
                "cli.clap.too-many",
                &[("arg", &arg), ("value", &value)],
            ));
        }
        _ => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("");
            let detail = first.strip_prefix("error: ").unwrap_or(first);
            lines.push(tf(locale, "cli.clap.other", &[("detail", &detail)]));
        }
    }
    for kind in [
        ContextKind::SuggestedValue,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
    ] {
        for s in strings(kind) {
            lines.push(format!(
                "  {}",
                tf(locale, "cli.clap.did-you-mean", &[("value", &s)])
            ));
        }
    }
    let mut out = format!("{}{}\n", t(locale, "cli.error-prefix"), lines.join("\n"));
    let usage = string(ContextKind::Usage);
    if !usage.is_empty() {
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        out.push_str(&format!("\n{}{usage}\n", t(locale, "cli.usage")));
    }
    out.push_str(&format!("\n{}\n", t(locale, "cli.more-help")));
    out
}

/// The value of the first of `names` in `args` (`--lang en` or `--lang=en`), before any `--`.
fn option_value(args: &[String], names: &[&str]) -> Option<String> {
    let mut it = args.iter().take_while(|a| *a != "--");
    while let Some(a) = it.next() {
        for n in names {
            if a == n {
                return it.next().cloned();
            }
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v.to_string());
            }
            if n.len() == 2 && !n.starts_with("--") && a.starts_with(n) && a.len() > 2 {
                return Some(a[2..].to_string());
            }
        }
    }
    None
}

/// The `locale` of the `dangjian.toml` in `dir` or a folder above it.
fn workspace_locale(dir: &Path) -> Option<Locale> {
    let file = dir
        .ancestors()
        .map(|d| d.join("dangjian.toml"))
        .find(|f| f.is_file())?;
    let text = std::fs::read_to_string(file).ok()?;
    let table: toml::Table = toml::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    table.get("locale")?.as_str()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn option_values_in_every_spelling() {
        let a = args(&["-C", "ws", "--lang=en"]);
        assert_eq!(option_value(&a, &["--lang"]).as_deref(), Some("en"));
        assert_eq!(
            option_value(&a, &["-C", "--workspace"]).as_deref(),
            Some("ws")
        );
        let b = args(&["-Cws", "--", "--lang", "en"]);
        assert_eq!(option_value(&b, &["-C"]).as_deref(), Some("ws"));
        assert_eq!(
            option_value(&b, &["--lang"]),
            None,
            "after -- is not an option"
        );
    }

    /// Every command and argument has its help in the catalog, and the English text is the doc
    /// comment: the two cannot drift apart.
    #[test]
    fn every_help_text_is_in_the_catalog_in_both_languages() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
            if !about.is_empty() && lookup(Locale::En, &format!("help.{path}")) != Some(&about) {
                missing.push(format!("help.{path}: {about}"));
            }
            for a in cmd.get_arguments() {
                let help = a.get_help().map(|s| s.to_string()).unwrap_or_default();
                let key = format!("help.{path}.arg.{}", a.get_id());
                if !help.is_empty() && lookup(Locale::En, &key) != Some(&help) {
                    missing.push(format!("{key}: {help}"));
                }
            }
            for s in cmd.get_subcommands() {
                let p = if path == "dangjian" {
                    s.get_name().to_string()
                } else {
                    format!("{path}.{}", s.get_name())
                };
                walk(s, &p, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "dangjian", &mut missing);
        assert!(
            missing.is_empty(),
            "help texts missing from or differing with src/i18n/help.rs: {missing:#?}"
        );
    }

    #[test]
    fn the_chinese_command_line_has_no_english_help() {
        let mut cmd = command(Locale::ZhCn);
        let help = cmd.render_help().to_string();
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("检查所有记录"), "{help}");
        assert!(
            !help.contains("Print help") && !help.contains("Usage:"),
            "{help}"
        );
        let mut report = command(Locale::ZhCn);
        let board = report
            .find_subcommand_mut("report")
            .and_then(|r| r.find_subcommand_mut("board"))
            .unwrap()
            .render_help()
            .to_string();
        assert!(board.contains("生成在岗人员公开栏"), "{board}");
        assert!(board.contains("工作区目录"), "a global option: {board}");
    }
}
