//! Diesel's view of the tables; the same for both databases (the migration sets are kept in step
//! by a test).

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        at_ms -> BigInt,
        actor -> Text,
        action -> Text,
        object -> Text,
        details -> Text,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    audit_head (id) {
        id -> Integer,
        last_seq -> BigInt,
        last_hash -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(settings, audit_log, audit_head);
