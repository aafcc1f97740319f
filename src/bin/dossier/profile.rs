//! `profile`: the collective's own profile and logos.

use std::path::PathBuf;

use clap::Subcommand;
use dossier::api::{self, IfNoProfile};
use dossier::Error;

use crate::args::Sets;
use crate::print::{print_json, print_record};
use crate::Ctx;

#[derive(Subcommand)]
pub enum ProfileCmd {
    /// Show the profile.
    Show {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set name=... --set website=... --set campaign_url=... --set signatory=... --set signatory_title=...
    Edit(Sets),
    /// Add a logo of the collective.
    Logo { file: PathBuf },
}

pub fn run(cmd: ProfileCmd, ctx: &Ctx) -> Result<(), Error> {
    let mut d = ctx.open()?;
    match cmd {
        ProfileCmd::Show { json } => match d.profile()? {
            Some(p) if json => print_json(&p),
            Some(p) => print_record(&p)?,
            None => return Err(Error::NoProfile),
        },
        ProfileCmd::Edit(s) => api::edit_profile(&mut d, &s.sets)?,
        ProfileCmd::Logo { file } => println!("{}", api::add_profile_logo(&mut d, &file, IfNoProfile::Refuse)?),
    }
    Ok(())
}
