//! `templates`: the document templates, edited as files.

use std::path::PathBuf;

use clap::Subcommand;
use dossier::documents::kind;
use dossier::{api, Error};

use crate::Ctx;

#[derive(Subcommand)]
pub enum TemplatesCmd {
    /// Every template, and whether the dossier holds its own copy.
    List,
    /// Write the effective templates into DIR (fr/…, en/…). Template files already there are refused (edits not
    /// yet imported would be lost) unless --force.
    Export {
        dir: PathBuf,
        /// Replace the template files already in DIR.
        #[arg(long)]
        force: bool,
    },
    /// Read edited templates from DIR (known names only); all are checked before any is stored.
    Import { dir: PathBuf },
    /// Check every effective template (syntax and fields).
    Check,
    /// Go back to the default of one template.
    Reset { name: String },
}

pub fn run(cmd: TemplatesCmd, ctx: &Ctx) -> Result<(), Error> {
    let mut d = ctx.open()?;
    match cmd {
        TemplatesCmd::List => {
            for t in d.templates()? {
                println!("{:<24} {}", t.name, if t.custom { "custom" } else { "default" });
            }
        }
        TemplatesCmd::Export { dir, force } => {
            // The files a previous export wrote may hold edits not yet imported: say so rather than replace them.
            if let Some(there) =
                kind::names().map(|n| dir.join(n)).find(|p| !force && std::fs::symlink_metadata(p).is_ok())
            {
                return Err(Error::AlreadyExists(there));
            }
            api::export_templates(&d, &dir)?;
            println!("{}", dir.display());
        }
        TemplatesCmd::Import { dir } => {
            for name in api::import_templates(&mut d, &dir)? {
                println!("{name}");
            }
        }
        TemplatesCmd::Check => {
            let mut first = None;
            for (name, error) in api::check_templates(&d)? {
                match error {
                    None => println!("ok     {name}"),
                    Some(e) => {
                        println!("ERROR  {name}: {}", e.message(ctx.lang));
                        first.get_or_insert(e);
                    }
                }
            }
            if let Some(e) = first {
                return Err(e);
            }
        }
        TemplatesCmd::Reset { name } => d.reset_template(&name)?,
    }
    Ok(())
}
