//! User-facing messages in French and English, from Project Fluent files in `assets/locales/`.
//!
//! The same `.ftl` files are meant to serve the desktop UI, so a message is translated once for both front doors.
//! They are compiled into the binary: a dossier opened on a machine without the assets still speaks the user's
//! language.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the app speaks. French is the users' first language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `fr`, `en`, or a locale such as `fr_FR.UTF-8`, `en-GB`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("fr") {
            Some(Lang::Fr)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the system, overridable by `DOSSIER_LANG`; `LC_ALL`, `LC_MESSAGES` and `LANG` are honoured
    /// in that order (as gettext does): a French locale gives French, any other set locale (including `C`) English.
    /// With none set, the OS setting decides, and French, the users' first language, is the last resort.
    pub fn from_env() -> Lang {
        for var in ["DOSSIER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return Lang::parse(&v).unwrap_or(Lang::En);
            }
        }
        sys_locale::get_locale().and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Fr)
    }
}

impl std::str::FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Lang::parse(s).ok_or(())
    }
}

const FR: &str = include_str!("../assets/locales/fr/dossier.ftl");
const EN: &str = include_str!("../assets/locales/en/dossier.ftl");

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make(Lang::Fr, FR), make(Lang::En, EN)]);
    match lang {
        Lang::Fr => &bundles[0],
        Lang::En => &bundles[1],
    }
}

fn make(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("static language tag");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Terminal output and PDFs must not carry invisible Unicode isolation marks around values.
    b.set_use_isolating(false);
    let res = FluentResource::try_new(source.to_owned()).expect("locale files are checked by a test");
    b.add_resource(res).expect("no duplicate message ids (checked by a test)");
    b
}

/// A message argument.
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

/// Which front door shows a message. The command line's messages may name its commands and flags ("dossier
/// init", `--dry-run`); the app's never do: while [`for_door`] runs with `App`, [`tr`] takes the message
/// `ID-app` for `ID` whenever the `.ftl` files have one (a test checks that no app message names a command).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Door {
    #[default]
    Cli,
    App,
}

thread_local! {
    static DOOR: Cell<Door> = const { Cell::new(Door::Cli) };
}

/// Runs `f` with every message [`tr`] builds on this thread worded for `door`, then puts the previous door back
/// (also if `f` panics). This reaches the messages of nested errors without threading the door through each.
pub fn for_door<R>(door: Door, f: impl FnOnce() -> R) -> R {
    struct Restore(Door);
    impl Drop for Restore {
        fn drop(&mut self) {
            DOOR.with(|d| d.set(self.0));
        }
    }
    let _restore = Restore(DOOR.with(|d| d.replace(door)));
    f()
}

/// The door messages on this thread are worded for (see [`for_door`]).
pub fn door() -> Door {
    DOOR.with(Cell::get)
}

/// Translates message `id` with `args`. A missing message returns its id, so a gap shows instead of crashing;
/// a test checks that both languages define the same ids.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let b = bundle(lang);
    let app_id = (DOOR.with(Cell::get) == Door::App).then(|| format!("{id}-app")).filter(|a| b.has_message(a));
    let id = app_id.as_deref().unwrap_or(id);
    let Some(msg) = b.get_message(id) else { return id.to_owned() };
    let Some(pattern) = msg.value() else { return id.to_owned() };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fargs.set(*k, FluentValue::from(*s)),
            Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = vec![];
    b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// The message ids of one language's file, for the test that keeps both languages complete.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let src = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    let res = FluentResource::try_new(src.to_owned()).expect("parses");
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
