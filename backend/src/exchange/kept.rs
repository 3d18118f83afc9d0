//! Partners' PFIF records as they came, sealed beside the case: the person record in `case_pfif`,
//! each note in its `case_notes.pfif_note`. They go out again unchanged, so a record passes
//! through Sanad without losing a field, whether Sanad shows that field or not.

use diesel::prelude::*;

use crate::{
    cases::CaseRow,
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    pfif::{self, PfifNote, PfifPerson},
    schema::{case_notes, case_pfif},
};

pub(crate) fn person_context(case_ref: &str) -> String {
    format!("case:{case_ref}:pfif")
}

pub(crate) fn note_context(case_ref: &str, note_ref: &str) -> String {
    format!("case:{case_ref}:note:{note_ref}:pfif")
}

fn ms_of(time: Option<time::OffsetDateTime>) -> Option<i64> {
    time.map(|t| t.unix_timestamp().saturating_mul(1000))
}

fn read_person(xml: &str) -> Result<PfifPerson, ApiError> {
    pfif::from_xml(xml)
        .ok()
        .and_then(|document| document.persons.into_iter().next())
        .ok_or_else(|| ApiError::internal("a kept PFIF person record does not read"))
}

/// The partner's person record this case was made from, as last accepted; `None` for cases
/// authored here (and for partner cases imported before records were kept).
pub fn person(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
) -> Result<Option<PfifPerson>, ApiError> {
    let sealed: Option<Vec<u8>> = case_pfif::table
        .find(case.id)
        .select(case_pfif::person)
        .first(conn)
        .optional()?;
    sealed
        .map(|sealed| read_person(&sealer.open_text(&sealed, &person_context(&case.ref_key))?))
        .transpose()
}

/// Keeps `person` (without its notes) as the case's partner record, replacing the one before.
pub fn keep_person(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
    person: &PfifPerson,
) -> Result<(), ApiError> {
    let alone = PfifPerson {
        notes: Vec::new(),
        ..person.clone()
    };
    let sealed = sealer.seal_text(&pfif::to_xml(&[alone]), &person_context(&case.ref_key))?;
    diesel::delete(case_pfif::table.find(case.id)).execute(conn)?;
    diesel::insert_into(case_pfif::table)
        .values((
            case_pfif::case_id.eq(case.id),
            case_pfif::person.eq(&sealed),
            case_pfif::expiry_ms.eq(ms_of(person.expiry_date)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Keeps a partner's note as it came, beside the case note made from it.
pub fn keep_note(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
    note_id: i64,
    note: &PfifNote,
) -> Result<(), ApiError> {
    let note_ref: String = case_notes::table
        .find(note_id)
        .select(case_notes::ref_key)
        .first(conn)?;
    // A top-level note of a document of its own: PFIF has no other way to stand a note alone.
    let mut holder = PfifPerson::new(
        &note.person_record_id,
        time::OffsetDateTime::UNIX_EPOCH,
        "-",
    );
    holder.notes.push(note.clone());
    let xml = pfif::to_xml(&[holder]);
    let sealed = sealer.seal_text(&xml, &note_context(&case.ref_key, &note_ref))?;
    diesel::update(case_notes::table.find(note_id))
        .set(case_notes::pfif_note.eq(Some(sealed)))
        .execute(conn)?;
    Ok(())
}

/// A partner's note kept by [`keep_note`].
pub fn note(
    sealer: &Sealer,
    case: &CaseRow,
    note_ref: &str,
    sealed: &[u8],
) -> Result<PfifNote, ApiError> {
    let xml = sealer.open_text(sealed, &note_context(&case.ref_key, note_ref))?;
    read_person(&xml)?
        .notes
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::internal("a kept PFIF note does not read"))
}

/// Cases whose partner record expired before `now_ms` and whose data is still here.
pub fn expired(conn: &mut DbConnection, now_ms: i64) -> Result<Vec<i64>, ApiError> {
    use crate::schema::cases;
    Ok(case_pfif::table
        .inner_join(cases::table)
        .filter(case_pfif::expiry_ms.lt(now_ms))
        .filter(cases::wiped_on.is_null())
        .select(case_pfif::case_id)
        .load(conn)?)
}

/// Forgets the partner's records of a case whose personal data is being removed. The notes go
/// with their rows; the person record goes here.
pub fn forget(conn: &mut DbConnection, case_id: i64) -> Result<(), ApiError> {
    diesel::delete(case_pfif::table.find(case_id)).execute(conn)?;
    Ok(())
}

/// The records a case's partner notes link to (`linked_person_record_id`), by note id.
pub fn note_links(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
) -> Result<Vec<(i64, String)>, ApiError> {
    let kept: Vec<(i64, String, Option<Vec<u8>>)> = case_notes::table
        .filter(case_notes::case_id.eq(case.id))
        .filter(case_notes::pfif_note.is_not_null())
        .select((case_notes::id, case_notes::ref_key, case_notes::pfif_note))
        .load(conn)?;
    let mut links = Vec::new();
    for (id, note_ref, sealed) in kept {
        let Some(sealed) = sealed else { continue };
        if let Some(linked) = note(sealer, case, &note_ref, &sealed)?.linked_person_record_id {
            links.push((id, linked));
        }
    }
    Ok(links)
}

/// The partner's record of a case as the caseworker's page shows it.
pub fn partner_record(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
) -> Result<Option<sanad_shared::cases::PartnerRecord>, ApiError> {
    Ok(
        person(conn, sealer, case)?.map(|p| sanad_shared::cases::PartnerRecord {
            record_id: p.person_record_id.clone(),
            source_name: p.source_name.clone(),
            source_url: p.source_url.clone(),
            source_date: pfif::format_date(p.source_date),
            expiry_date: p.expiry_date.map(pfif::format_date),
            fields: p
                .fields()
                .into_iter()
                .map(|(name, value)| sanad_shared::cases::PartnerField {
                    name: name.to_owned(),
                    value,
                })
                .collect(),
        }),
    )
}
