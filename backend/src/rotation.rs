//! `sanad rotate-key`: every sealed value re-sealed and every keyed blind index re-computed under
//! a new encryption key, in batches, each committed with a note of how far it got, so a run that
//! dies (kill -9, power loss) is finished by the next one. The server must be stopped: it holds
//! a shared instance lock (see [`crate::db::InstanceLock`]) that the rotation needs exclusively,
//! and it refuses to start while a rotation is unfinished.
//!
//! Receipts are Argon2 hashes under the installation's salt. The salt was derived from the key;
//! it is now kept in the database ([`RECEIPT_SALT`]) the first time a server or a rotation sees
//! it, so receipts are untouched by a rotation and need no tipster to come back.
//!
//! This file is also the inventory of what is sealed: a column sealed anywhere else and missing
//! here would not open after a rotation, and the rotation test reads every kind back.

use std::path::Path;

use anyhow::{anyhow, bail, Context as _};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use sanad_shared::{entities::EntityKind, triage::ItemKind};

use crate::{
    config::Config,
    crypto::Sealer,
    db::{self, DbConnection},
    schema::{
        case_merges, case_messages, case_notes, case_pfif, case_photos, cases, entities,
        item_notes, saved_views, tip_attachments, tip_identifiers, tip_messages, tips, triage,
    },
    settings,
};

/// The receipt salt (hex) every receipt is hashed with, kept for good.
pub const RECEIPT_SALT: &str = "receipt_salt";
/// The fingerprint of the key the database is sealed with; a server with another key refuses to
/// start rather than fail on every read and seal new rows under a key the others lack.
pub const KEY_FINGERPRINT: &str = "key_fingerprint";
/// Present while a rotation is unfinished: [`Progress`] as JSON.
pub const KEY_ROTATION: &str = "key_rotation";

/// How far a rotation got: every row of the steps before `step`, and of `step` those with a key
/// up to `after`, are under the new key. Steps are named, so a later version that adds one
/// still finds where an older run stopped.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Progress {
    old: String,
    new: String,
    step: String,
    after: i64,
}

/// The step after the last.
const FINISHED: &str = "finished";

/// Where in [`STEPS`] `name` is ([`FINISHED`] is past the end).
fn step_index(name: &str) -> anyhow::Result<usize> {
    if name == FINISHED {
        return Ok(STEPS.len());
    }
    STEPS
        .iter()
        .position(|(step, _)| *step == name)
        .ok_or_else(|| {
            anyhow!("the unfinished rotation stopped at a step this version does not know: {name}")
        })
}

fn step_name(index: usize) -> String {
    STEPS
        .get(index)
        .map_or(FINISHED, |(name, _)| name)
        .to_owned()
}

/// Checks the key a server starts with against the database and answers the receipt salt the
/// database keeps (saved on the first start of a version that keeps it).
pub fn bind_key(conn: &mut DbConnection, sealer: &Sealer) -> anyhow::Result<[u8; 16]> {
    if let Some(progress) = settings::get(conn, KEY_ROTATION)? {
        let progress: Progress = serde_json::from_str(&progress)?;
        bail!(
            "a key rotation from key {} to key {} did not finish; run `sanad rotate-key --new-key-file …` with that key again before starting the server",
            progress.old,
            progress.new
        );
    }
    match settings::get(conn, KEY_FINGERPRINT)? {
        Some(stored) if stored != sealer.fingerprint() => bail!(
            "this database is sealed with the key whose fingerprint is {stored}, and the configured key's is {}; configure that key (SANAD_ENCRYPTION_KEY or <data dir>/keys/data.key)",
            sealer.fingerprint()
        ),
        Some(_) => {}
        None => keep(conn, KEY_FINGERPRINT, sealer.fingerprint())?,
    }
    receipt_salt(conn, sealer)
}

/// The kept receipt salt, or the one derived from `sealer`'s key, kept from now on.
fn receipt_salt(conn: &mut DbConnection, sealer: &Sealer) -> anyhow::Result<[u8; 16]> {
    if let Some(stored) = settings::get(conn, RECEIPT_SALT)? {
        return hex::decode(stored.trim())
            .ok()
            .and_then(|bytes| <[u8; 16]>::try_from(bytes).ok())
            .ok_or_else(|| anyhow!("the receipt salt in the settings table is damaged"));
    }
    let salt = sealer.receipt_salt();
    keep(conn, RECEIPT_SALT, &hex::encode(salt))?;
    Ok(salt)
}

/// Sets `key` unless it is set. Instances starting together on one PostgreSQL may race to write
/// the same value; the loser finds it written.
fn keep(conn: &mut DbConnection, key: &str, value: &str) -> anyhow::Result<()> {
    if let Err(error) = settings::set(conn, key, value) {
        match settings::get(conn, key)? {
            Some(written) if written == value => {}
            _ => return Err(error.into()),
        }
    }
    Ok(())
}

/// The old key and the new, for values met part-way: a row a crashed run already did opens
/// under the new key, the rest under the old.
pub struct Rekey {
    pub old: Sealer,
    pub new: Sealer,
}

impl Rekey {
    pub fn open(&self, stored: &[u8], context: &str) -> anyhow::Result<Vec<u8>> {
        self.new
            .open(stored, context.as_bytes())
            .or_else(|_| self.old.open(stored, context.as_bytes()))
            .map_err(|_| anyhow!("the value sealed as {context} opens under neither key"))
    }

    pub fn open_text(&self, stored: &[u8], context: &str) -> anyhow::Result<String> {
        String::from_utf8(self.open(stored, context)?)
            .map_err(|_| anyhow!("the value sealed as {context} is not text"))
    }

    /// `stored` under the new key; an empty value (removed by retention) stays empty.
    pub fn reseal(&self, stored: &[u8], context: &str) -> anyhow::Result<Vec<u8>> {
        if stored.is_empty() {
            return Ok(Vec::new());
        }
        let plain = self.open(stored, context)?;
        self.new
            .seal(&plain, context.as_bytes())
            .map_err(|_| anyhow!("sealing {context} failed"))
    }

    pub fn reseal_opt(
        &self,
        stored: Option<&[u8]>,
        context: &str,
    ) -> anyhow::Result<Option<Vec<u8>>> {
        stored.map(|s| self.reseal(s, context)).transpose()
    }

    /// A text column's value ([`Sealer::seal_column`]) opened under either key.
    pub fn open_column(&self, stored: &str, context: &str) -> anyhow::Result<String> {
        self.new
            .open_column(stored, context)
            .or_else(|_| self.old.open_column(stored, context))
            .map_err(|_| anyhow!("the value sealed as {context} opens under neither key"))
    }
}

/// One kind of sealed row: re-keys those after `after` (at most `limit`) and answers the last
/// key it did, or `None` when none were left.
type Step = fn(&mut DbConnection, &Rekey, i64, i64) -> anyhow::Result<Option<i64>>;

const STEPS: &[(&str, Step)] = &[
    ("staff", staff),
    ("tips", tips_step),
    ("tip_messages", tip_messages_step),
    ("tip_attachments", tip_attachments_step),
    ("cases", cases_step),
    ("case_photos", case_photos_step),
    ("case_notes", case_notes_step),
    ("case_merges", case_merges_step),
    ("case_pfif", case_pfif_step),
    ("case_messages", case_messages_step),
    ("triage", triage_step),
    ("item_notes", item_notes_step),
    ("saved_views", saved_views_step),
    ("entities", entities_step),
];

/// Seals each `(key, context, value)` again under the new key and hands it to `store`; answers
/// the last key, or `None` when there were no rows.
fn reseal_each(
    conn: &mut DbConnection,
    rekey: &Rekey,
    rows: impl IntoIterator<Item = (i64, String, Vec<u8>)>,
    mut store: impl FnMut(&mut DbConnection, i64, Vec<u8>) -> QueryResult<usize>,
) -> anyhow::Result<Option<i64>> {
    let mut last = None;
    for (key, context, value) in rows {
        store(conn, key, rekey.reseal(&value, &context)?)?;
        last = Some(key);
    }
    Ok(last)
}

/// Staff rows are few: all in one batch.
fn staff(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    _: i64,
) -> anyhow::Result<Option<i64>> {
    if after > 0 {
        return Ok(None);
    }
    crate::auth::store::rekey(conn, rekey)?;
    Ok(Some(1))
}

fn tips_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    type Row = (i64, String, Vec<u8>, Option<Vec<u8>>, Option<String>);
    let rows: Vec<Row> = tips::table
        .filter(tips::id.gt(after))
        .order(tips::id.asc())
        .limit(limit)
        .select((
            tips::id,
            tips::ref_key,
            tips::content,
            tips::public_message,
            tips::wiped_on,
        ))
        .load(conn)?;
    for (id, tip_ref, content, public_message, wiped_on) in &rows {
        let public_message = rekey.reseal_opt(
            public_message.as_deref(),
            &crate::tips::public_message_context(tip_ref),
        )?;
        if wiped_on.is_some() || content.is_empty() {
            diesel::update(tips::table.find(id))
                .set(tips::public_message.eq(public_message))
                .execute(conn)?;
            continue;
        }
        let context = crate::tips::content_context(tip_ref);
        let json = rekey.open_text(content, &context)?;
        let parsed: crate::tips::TipContent = serde_json::from_str(&json)
            .with_context(|| format!("tip {id}: its content is not a tip"))?;
        let sealed = rekey
            .new
            .seal(json.as_bytes(), context.as_bytes())
            .map_err(|_| anyhow!("sealing"))?;
        diesel::update(tips::table.find(id))
            .set((
                tips::content.eq(sealed),
                tips::public_message.eq(public_message),
            ))
            .execute(conn)?;
        diesel::delete(tip_identifiers::table.filter(tip_identifiers::tip_id.eq(id)))
            .execute(conn)?;
        for (kind, index, _) in crate::tips::identifiers(&rekey.new, &parsed)? {
            diesel::insert_into(tip_identifiers::table)
                .values((
                    tip_identifiers::tip_id.eq(id),
                    tip_identifiers::kind.eq(kind),
                    tip_identifiers::blind_index.eq(index),
                ))
                .execute(conn)?;
        }
        let words = crate::tips::words_of(&rekey.new, &parsed)?;
        crate::triage::index_words(conn, ItemKind::Tip, *id, &words)?;
    }
    Ok(rows.last().map(|row| row.0))
}

fn tip_messages_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, String, Vec<u8>)> = tip_messages::table
        .inner_join(tips::table)
        .filter(tip_messages::id.gt(after))
        .order(tip_messages::id.asc())
        .limit(limit)
        .select((
            tip_messages::id,
            tips::ref_key,
            tip_messages::ref_key,
            tip_messages::body,
        ))
        .load(conn)?;
    let rows = rows.into_iter().map(|(id, tip_ref, message_ref, body)| {
        (
            id,
            crate::tips::message_context(&tip_ref, &message_ref),
            body,
        )
    });
    reseal_each(conn, rekey, rows, |conn, id, body| {
        diesel::update(tip_messages::table.find(id))
            .set(tip_messages::body.eq(body))
            .execute(conn)
    })
}

fn tip_attachments_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, String, Vec<u8>)> = tip_attachments::table
        .inner_join(tips::table)
        .filter(tip_attachments::id.gt(after))
        .order(tip_attachments::id.asc())
        .limit(limit)
        .select((
            tip_attachments::id,
            tips::ref_key,
            tip_attachments::ref_key,
            tip_attachments::data,
        ))
        .load(conn)?;
    let rows = rows.into_iter().map(|(id, tip_ref, attachment_ref, data)| {
        (
            id,
            crate::tips::attachment_context(&tip_ref, &attachment_ref),
            data,
        )
    });
    reseal_each(conn, rekey, rows, |conn, id, data| {
        diesel::update(tip_attachments::table.find(id))
            .set(tip_attachments::data.eq(data))
            .execute(conn)
    })
}

/// A case's content, and its keys and words as the name-keys refresh makes them.
fn cases_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<crate::cases::CaseRow> = cases::table
        .filter(cases::id.gt(after))
        .order(cases::id.asc())
        .limit(limit)
        .select(crate::cases::CaseRow::as_select())
        .load(conn)?;
    for row in &rows {
        let Some(content) = row.content.as_deref() else {
            continue;
        };
        let context = crate::cases::content_context(&row.ref_key);
        let json = rekey.open_text(content, &context)?;
        let sealed = rekey
            .new
            .seal(json.as_bytes(), context.as_bytes())
            .map_err(|_| anyhow!("sealing"))?;
        diesel::update(cases::table.find(row.id))
            .set(cases::content.eq(Some(sealed)))
            .execute(conn)?;
        if row.wiped_on.is_some() {
            continue;
        }
        let parsed: crate::cases::CaseContent = serde_json::from_str(&json)
            .with_context(|| format!("case {}: its content is not a case", row.id))?;
        let keys = crate::cases::keys(&rekey.new, &parsed, row.governorate())?;
        crate::cases::insert_keys(conn, row.id, &keys)?;
        let words = crate::cases::words_of(&rekey.new, &parsed)?;
        crate::triage::index_words(conn, ItemKind::Case, row.id, &words)?;
    }
    Ok(rows.last().map(|row| row.id))
}

fn case_photos_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, Vec<u8>)> = case_photos::table
        .inner_join(cases::table)
        .filter(case_photos::case_id.gt(after))
        .order(case_photos::case_id.asc())
        .limit(limit)
        .select((case_photos::case_id, cases::ref_key, case_photos::data))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .map(|(id, case_ref, data)| (id, crate::cases::photo_context(&case_ref), data));
    reseal_each(conn, rekey, rows, |conn, id, data| {
        diesel::update(case_photos::table.find(id))
            .set(case_photos::data.eq(data))
            .execute(conn)
    })
}

fn case_notes_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    type Row = (i64, String, String, Vec<u8>, Option<Vec<u8>>);
    let rows: Vec<Row> = case_notes::table
        .inner_join(cases::table)
        .filter(case_notes::id.gt(after))
        .order(case_notes::id.asc())
        .limit(limit)
        .select((
            case_notes::id,
            cases::ref_key,
            case_notes::ref_key,
            case_notes::body,
            case_notes::pfif_note,
        ))
        .load(conn)?;
    for (id, case_ref, note_ref, body, pfif_note) in &rows {
        let body = rekey.reseal(body, &crate::cases::note_context(case_ref, note_ref))?;
        let pfif_note = rekey.reseal_opt(
            pfif_note.as_deref(),
            &crate::exchange::kept::note_context(case_ref, note_ref),
        )?;
        diesel::update(case_notes::table.find(id))
            .set((
                case_notes::body.eq(body),
                case_notes::pfif_note.eq(pfif_note),
            ))
            .execute(conn)?;
    }
    Ok(rows.last().map(|row| row.0))
}

/// A merge's reason is bound to the case that was kept.
fn case_merges_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, String, Vec<u8>)> = case_merges::table
        .inner_join(cases::table.on(cases::id.eq(case_merges::kept_id)))
        .filter(case_merges::id.gt(after))
        .order(case_merges::id.asc())
        .limit(limit)
        .select((
            case_merges::id,
            cases::ref_key,
            case_merges::ref_key,
            case_merges::reason,
        ))
        .load(conn)?;
    let rows = rows.into_iter().map(|(id, kept_ref, merge_ref, reason)| {
        (
            id,
            crate::cases::merge_context(&kept_ref, &merge_ref),
            reason,
        )
    });
    reseal_each(conn, rekey, rows, |conn, id, reason| {
        diesel::update(case_merges::table.find(id))
            .set(case_merges::reason.eq(reason))
            .execute(conn)
    })
}

fn case_pfif_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, Vec<u8>)> = case_pfif::table
        .inner_join(cases::table)
        .filter(case_pfif::case_id.gt(after))
        .order(case_pfif::case_id.asc())
        .limit(limit)
        .select((case_pfif::case_id, cases::ref_key, case_pfif::person))
        .load(conn)?;
    let rows = rows.into_iter().map(|(id, case_ref, person)| {
        (id, crate::exchange::kept::person_context(&case_ref), person)
    });
    reseal_each(conn, rekey, rows, |conn, id, person| {
        diesel::update(case_pfif::table.find(id))
            .set(case_pfif::person.eq(person))
            .execute(conn)
    })
}

fn case_messages_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, String, Vec<u8>)> = case_messages::table
        .inner_join(cases::table)
        .filter(case_messages::id.gt(after))
        .order(case_messages::id.asc())
        .limit(limit)
        .select((
            case_messages::id,
            cases::ref_key,
            case_messages::ref_key,
            case_messages::body,
        ))
        .load(conn)?;
    let rows = rows.into_iter().map(|(id, case_ref, message_ref, body)| {
        (
            id,
            crate::cases::message_context(&case_ref, &message_ref),
            body,
        )
    });
    reseal_each(conn, rekey, rows, |conn, id, body| {
        diesel::update(case_messages::table.find(id))
            .set(case_messages::body.eq(body))
            .execute(conn)
    })
}

/// Hand changes to priority with a reason are few: all in one batch.
fn triage_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    _: i64,
) -> anyhow::Result<Option<i64>> {
    if after > 0 {
        return Ok(None);
    }
    let rows: Vec<(String, i64, Option<Vec<u8>>)> = triage::table
        .filter(triage::adjust_reason.is_not_null())
        .select((triage::kind, triage::item_id, triage::adjust_reason))
        .load(conn)?;
    for (kind, id, reason) in &rows {
        let item_kind =
            ItemKind::parse(kind).ok_or_else(|| anyhow!("triage row of kind {kind:?}"))?;
        let reason = rekey.reseal_opt(
            reason.as_deref(),
            &crate::triage::reason_context(item_kind, *id),
        )?;
        diesel::update(triage::table.find((kind, id)))
            .set(triage::adjust_reason.eq(reason))
            .execute(conn)?;
    }
    Ok(Some(1))
}

fn item_notes_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, String, Vec<u8>)> = item_notes::table
        .filter(item_notes::id.gt(after))
        .order(item_notes::id.asc())
        .limit(limit)
        .select((
            item_notes::id,
            item_notes::kind,
            item_notes::ref_key,
            item_notes::body,
        ))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .map(|(id, kind, note_ref, body)| {
            let kind =
                ItemKind::parse(&kind).ok_or_else(|| anyhow!("note {id} of kind {kind:?}"))?;
            Ok((id, crate::triage::note_context(kind, &note_ref), body))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    reseal_each(conn, rekey, rows, |conn, id, body| {
        diesel::update(item_notes::table.find(id))
            .set(item_notes::body.eq(body))
            .execute(conn)
    })
}

fn saved_views_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    let rows: Vec<(i64, String, Vec<u8>)> = saved_views::table
        .filter(saved_views::id.gt(after))
        .order(saved_views::id.asc())
        .limit(limit)
        .select((saved_views::id, saved_views::ref_key, saved_views::body))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .map(|(id, view_ref, body)| (id, crate::saved_views::context(&view_ref), body));
    reseal_each(conn, rekey, rows, |conn, id, body| {
        diesel::update(saved_views::table.find(id))
            .set(saved_views::body.eq(body))
            .execute(conn)
    })
}

/// An entity's index is computed again from its value, and its values are bound to the index,
/// so all of them are sealed again under the new index's context.
fn entities_step(
    conn: &mut DbConnection,
    rekey: &Rekey,
    after: i64,
    limit: i64,
) -> anyhow::Result<Option<i64>> {
    type Row = (
        i64,
        String,
        String,
        Vec<u8>,
        Option<Vec<u8>>,
        Option<Vec<u8>>,
    );
    let rows: Vec<Row> = entities::table
        .filter(entities::id.gt(after))
        .order(entities::id.asc())
        .limit(limit)
        .select((
            entities::id,
            entities::kind,
            entities::blind_index,
            entities::display,
            entities::display_tip,
            entities::display_case,
        ))
        .load(conn)?;
    for (id, kind, index, display, display_tip, display_case) in &rows {
        let entity_kind =
            EntityKind::parse(kind).ok_or_else(|| anyhow!("entity {id} of kind {kind:?}"))?;
        let context = crate::entities::display_context(entity_kind, index);
        let value = rekey.open_text(display, &context)?;
        let key = crate::entities::key_of(entity_kind, &value)
            .ok_or_else(|| anyhow!("entity {id}: its value gives no key"))?;
        // The value must give the index the row has, under the key it was sealed with; if the
        // rules changed since, rotating would part the row from the reports that name it.
        let matches = |sealer: &Sealer| {
            sealer.blind_index(kind, &key).ok().as_deref() == Some(index.as_str())
        };
        if !matches(&rekey.new) && !matches(&rekey.old) {
            bail!("entity {id}: its value no longer gives its index; nothing of it was changed");
        }
        let new_index = rekey
            .new
            .blind_index(kind, &key)
            .map_err(|_| anyhow!("blind index"))?;
        let new_context = crate::entities::display_context(entity_kind, &new_index);
        let seal = |stored: &[u8]| -> anyhow::Result<Vec<u8>> {
            let plain = rekey.open(stored, &context)?;
            rekey
                .new
                .seal(&plain, new_context.as_bytes())
                .map_err(|_| anyhow!("sealing"))
        };
        diesel::update(entities::table.find(id))
            .set((
                entities::blind_index.eq(&new_index),
                entities::display.eq(seal(display)?),
                entities::display_tip.eq(display_tip.as_deref().map(seal).transpose()?),
                entities::display_case.eq(display_case.as_deref().map(seal).transpose()?),
            ))
            .execute(conn)?;
    }
    Ok(rows.last().map(|row| row.0))
}

/// What a rotation did, for the command to print.
pub struct Rotated {
    pub old_fingerprint: String,
    pub new_fingerprint: String,
    pub resumed: bool,
    /// Batches committed by this run.
    pub batches: u64,
    /// Where the old key file was moved, when the key lives in the data folder.
    pub old_key_kept: Option<std::path::PathBuf>,
}

/// Rotates the configured database to the key in `new_key_file`, from where an earlier run
/// stopped; `progress` hears of each batch.
pub fn rotate(
    config: &Config,
    new_key_file: &Path,
    batch: i64,
    mut progress: impl FnMut(&str, i64),
) -> anyhow::Result<Rotated> {
    let url = config.database_url()?;
    db::prepare_data_dir(&config.data_dir)?;
    let _lock = db::InstanceLock::exclusive(&url)?;
    db::run_migrations(&url)?;
    let (new, new_key) = Sealer::from_key_file(new_key_file)?;
    let configured = Sealer::load_existing(config.encryption_key.as_deref(), &config.data_dir)?;
    let mut conn = db::connect(&url)?;
    let stored = settings::get(&mut conn, KEY_FINGERPRINT)?;
    let marker: Option<Progress> = settings::get(&mut conn, KEY_ROTATION)?
        .map(|text| serde_json::from_str(&text))
        .transpose()?;
    let mut rotated = Rotated {
        old_fingerprint: configured.fingerprint().to_owned(),
        new_fingerprint: new.fingerprint().to_owned(),
        resumed: marker.is_some(),
        batches: 0,
        old_key_kept: None,
    };
    let mut at = match marker {
        Some(marker) if marker.new != new.fingerprint() => bail!(
            "a rotation to the key {} is unfinished; give that key's file to finish it first ({} is {})",
            marker.new,
            new_key_file.display(),
            new.fingerprint()
        ),
        Some(_) if configured.fingerprint() == new.fingerprint() => bail!(
            "the configured key is already the new one, but rows remain sealed under the old key {}; configure the old key again to finish",
            rotated.old_fingerprint
        ),
        Some(marker) => marker,
        None if stored.as_deref() == Some(new.fingerprint()) => {
            // An earlier run finished the database and stopped before installing the key.
            rotated.old_key_kept = install(config, &new_key, &configured)?;
            return Ok(rotated);
        }
        None if configured.fingerprint() == new.fingerprint() => {
            bail!("the database is already sealed with this key ({})", new.fingerprint())
        }
        None => {
            // The checks a start makes, and the receipt salt kept before anything changes.
            bind_key(&mut conn, &configured)?;
            let start = Progress {
                old: configured.fingerprint().to_owned(),
                new: new.fingerprint().to_owned(),
                step: step_name(0),
                after: 0,
            };
            settings::set(&mut conn, KEY_ROTATION, &serde_json::to_string(&start)?)?;
            start
        }
    };
    let rekey = Rekey {
        old: configured,
        new,
    };
    let mut index = step_index(&at.step)?;
    while let Some((name, step)) = STEPS.get(index) {
        let done =
            crate::db::write_transaction(&mut conn, |conn| -> anyhow::Result<Option<i64>> {
                let done = step(conn, &rekey, at.after, batch)
                    .with_context(|| format!("re-keying {name} after {}", at.after))?;
                let next = match done {
                    Some(last) => Progress {
                        after: last,
                        ..at.clone()
                    },
                    None => Progress {
                        step: step_name(index + 1),
                        after: 0,
                        ..at.clone()
                    },
                };
                settings::set(conn, KEY_ROTATION, &serde_json::to_string(&next)?)?;
                Ok(done)
            })?;
        match done {
            Some(last) => {
                rotated.batches += 1;
                progress(name, last);
                at.after = last;
            }
            None => {
                index += 1;
                at.after = 0;
            }
        }
    }
    conn.transaction(|conn| -> anyhow::Result<()> {
        settings::set(conn, KEY_FINGERPRINT, rekey.new.fingerprint())?;
        diesel::delete(crate::schema::settings::table.find(KEY_ROTATION)).execute(conn)?;
        Ok(())
    })?;
    rotated.old_key_kept = install(config, &new_key, &rekey.old)?;
    Ok(rotated)
}

/// Puts the new key where the server reads it: `<data dir>/keys/data.key`, the old one moved
/// beside it (backups made before the rotation need it). A key given as SANAD_ENCRYPTION_KEY is
/// the operator's to change.
fn install(
    config: &Config,
    new_key: &[u8; 32],
    old: &Sealer,
) -> anyhow::Result<Option<std::path::PathBuf>> {
    if config.encryption_key.is_some() {
        return Ok(None);
    }
    let keys = config.data_dir.join("keys");
    let current = keys.join("data.key");
    if std::fs::read(&current).ok().as_deref() == Some(new_key.as_slice()) {
        return Ok(None);
    }
    let kept = keys.join(format!("data.key.retired-{}", old.fingerprint()));
    let incoming = keys.join("data.key.new");
    crate::keys::write_private(&incoming, new_key)?;
    std::fs::copy(&current, &kept)
        .with_context(|| format!("cannot keep the old key as {}", kept.display()))?;
    std::fs::rename(&incoming, &current)
        .with_context(|| format!("cannot put the new key in {}", current.display()))?;
    crate::keys::sync_dir(&keys)?;
    Ok(Some(kept))
}
