//! `studyplan exam list|log|readiness|remediate`: certification readiness
//! from the command line (studyplan_core::exams).

use crate::output::print_json;
use crate::{open, opt_date};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use studyplan_core::exams::{self, readiness, remediation, NewPracticeExam};
use studyplan_core::CoreError;

#[derive(Subcommand)]
pub enum ExamCmd {
    /// The plan's certifications with their windows and practice exams.
    List,
    /// Log a practice exam: overall and per-domain scores (percent or right/total).
    Log {
        /// Certification id (see `studyplan exam list`).
        cert: String,
        /// Overall score: 72, 72.5% or 43/60 (default: the domains' weighted mean).
        #[arg(long)]
        score: Option<String>,
        /// A domain's score, ID=SCORE (repeat), e.g. --domain processing=55.
        #[arg(long = "domain", value_name = "ID=SCORE")]
        domains: Vec<String>,
        /// Time taken, in minutes.
        #[arg(long)]
        minutes: Option<u32>,
        /// The day it was taken, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// A partial practice set, not a full-length exam.
        #[arg(long)]
        partial: bool,
        /// A question missed, ID=WHAT (repeat): goes to the mistakes log.
        #[arg(long = "missed", value_name = "ID=WHAT")]
        missed: Vec<String>,
    },
    /// Readiness: domains weakest first, study time, practice exams, pacing.
    Readiness { cert: String },
    /// Propose which coming certification blocks go to which weak domain; --accept applies it.
    Remediate {
        cert: String,
        #[arg(long)]
        accept: bool,
    },
}

fn pairs(flag: &str, v: &[String]) -> Result<Vec<(String, String)>, CoreError> {
    v.iter()
        .map(|s| {
            s.split_once('=')
                .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                .ok_or_else(|| {
                    CoreError::InvalidInput(format!("--{flag} takes ID=VALUE, not `{s}`"))
                })
        })
        .collect()
}

fn pct(p: Option<f64>) -> String {
    p.map(|p| format!("{p:.0} %")).unwrap_or_else(|| "—".into())
}

pub fn exam(db: &Option<PathBuf>, json: bool, cmd: ExamCmd) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let now = chrono::Utc::now();
    // Certification ids are lower case in the plan; `DBX-DEA` as printed works too.
    let cmd = match cmd {
        ExamCmd::Readiness { cert } => ExamCmd::Readiness {
            cert: cert.to_lowercase(),
        },
        ExamCmd::Remediate { cert, accept } => ExamCmd::Remediate {
            cert: cert.to_lowercase(),
            accept,
        },
        other => other,
    };
    match cmd {
        ExamCmd::List => {
            let all = exams::list(&store)?;
            if json {
                print_json(&all);
            } else if all.is_empty() {
                println!("this plan has no certifications");
            }
            for c in &all {
                if json {
                    break;
                }
                println!(
                    "{:<12} {}  window {} – {}  practice {}/{} full ({} logged)  pass {} %",
                    c.id,
                    c.title,
                    c.window_start.as_deref().unwrap_or("?"),
                    c.window_end.as_deref().unwrap_or("?"),
                    c.practice_done,
                    c.practice_required,
                    c.practice_logged,
                    c.pass_percent
                );
                let d: Vec<String> = c
                    .domains
                    .iter()
                    .map(|d| format!("{} {} %", d.id, d.weight))
                    .collect();
                println!("             domains: {}", d.join(", "));
            }
        }
        ExamCmd::Log {
            cert,
            score,
            domains,
            minutes,
            date,
            partial,
            missed,
        } => {
            let date = match opt_date(&date)? {
                Some(d) => d,
                None => studyplan_core::schedule::tz::plan_today(&store, now)?,
            };
            let e = NewPracticeExam {
                cert,
                date,
                full: !partial,
                minutes,
                score,
                domains: pairs("domain", &domains)?,
                missed: pairs("missed", &missed)?,
            };
            let v = exams::log(&mut store, &e, now)?;
            if json {
                print_json(&v);
            } else {
                println!(
                    "logged {} practice exam {} on {}: {:.1} %{}",
                    if v.full { "full-length" } else { "partial" },
                    v.cert,
                    v.date,
                    v.score,
                    if v.mistakes.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; {} missed question{} in the mistakes log",
                            v.mistakes.len(),
                            if v.mistakes.len() == 1 { "" } else { "s" }
                        )
                    }
                );
            }
        }
        ExamCmd::Readiness { cert } => {
            let r = readiness::readiness(&store, &cert, now)?;
            if json {
                print_json(&r);
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "{}: {}",
                r.cert.title,
                if r.ready { "ready" } else { "not ready yet" }
            );
            for why in &r.reasons {
                println!("  - {why}");
            }
            if let (Some(d), Some(start), Some(end)) = (
                r.days_to_window,
                r.cert.window_start.as_deref(),
                r.cert.window_end.as_deref(),
            ) {
                let when = match d {
                    0 => "opens today".to_string(),
                    1 => "opens tomorrow".to_string(),
                    d if d > 0 => format!("opens in {d} days"),
                    _ if r.today.as_str() <= end => "is open".to_string(),
                    _ => "has closed".to_string(),
                };
                println!("window {start} – {end} {when}");
            }
            println!(
                "latest overall {} · practice exams {}/{} · study {} of {} min done, {} min in {} blocks to come",
                pct(r.overall_latest),
                r.practice_done,
                r.practice_required,
                r.minutes_done,
                r.minutes_planned,
                r.minutes_to_come,
                r.blocks_to_come
            );
            println!("domains, weakest first (weight × gap):");
            for d in &r.domains {
                let trend: Vec<String> = d
                    .trend
                    .iter()
                    .map(|p| format!("{:.0}", p.percent))
                    .collect();
                println!(
                    "  {:<24} {:>3} %  latest {:>5}{}  {}",
                    d.id,
                    d.weight,
                    pct(d.latest),
                    if d.weak { "  weak" } else { "      " },
                    if trend.is_empty() {
                        String::new()
                    } else {
                        format!("trend {}", trend.join(" → "))
                    }
                );
            }
            println!("{}", r.pacing.advice);
        }
        ExamCmd::Remediate { cert, accept } => {
            let p = if accept {
                remediation::accept(&mut store, &cert, now)?
            } else {
                remediation::propose(&store, &cert, now)?
            };
            if json {
                print_json(&p);
                return Ok(ExitCode::SUCCESS);
            }
            if let Some(why) = &p.reason {
                println!("nothing to propose: {why}");
            }
            for b in &p.blocks {
                println!(
                    "{} {}–{}  {}  →  {}",
                    b.date, b.start, b.end, b.replaces, b.title
                );
            }
            if !p.blocks.is_empty() {
                println!(
                    "{}",
                    if accept {
                        format!(
                            "{} block{} renamed",
                            p.renamed,
                            if p.renamed == 1 { "" } else { "s" }
                        )
                    } else {
                        "nothing changed; run again with --accept to apply".into()
                    }
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
