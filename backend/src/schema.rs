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
        mac -> Nullable<Text>,
    }
}

diesel::table! {
    audit_head (id) {
        id -> Integer,
        last_seq -> BigInt,
        last_hash -> Text,
        mac -> Nullable<Text>,
    }
}

diesel::table! {
    staff (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        language -> Text,
        password_hash -> Nullable<Text>,
        totp_secret -> Nullable<Text>,
        totp_pending_secret -> Nullable<Text>,
        totp_last_step -> Nullable<BigInt>,
        active -> Bool,
        failed_logins -> Integer,
        locked_until_ms -> Nullable<BigInt>,
        created_at_ms -> BigInt,
        email_index -> Nullable<Text>,
    }
}

diesel::table! {
    staff_roles (staff_id, role) {
        staff_id -> Text,
        role -> Text,
    }
}

diesel::table! {
    translation_reviews (language, message_id) {
        language -> Text,
        message_id -> Text,
        text_hash -> Text,
        reviewed_by -> Text,
        reviewed_at_ms -> BigInt,
    }
}

diesel::table! {
    staff_links (token_hash) {
        token_hash -> Text,
        staff_id -> Text,
        purpose -> Text,
        expires_at_ms -> BigInt,
        used_at_ms -> Nullable<BigInt>,
    }
}

diesel::table! {
    staff_sessions (id) {
        id -> Text,
        staff_id -> Text,
        refresh_hash -> Text,
        created_at_ms -> BigInt,
        last_seen_ms -> BigInt,
        revoked_at_ms -> Nullable<BigInt>,
    }
}

diesel::table! {
    staff_spent_refresh (refresh_hash) {
        refresh_hash -> Text,
        session_id -> Text,
    }
}

diesel::table! {
    pow_redemptions (token_hash) {
        token_hash -> Text,
        expires_at_ms -> BigInt,
    }
}

diesel::table! {
    tips (id) {
        id -> BigInt,
        ref_key -> Text,
        receipt_hash -> Text,
        subject -> Text,
        status -> Text,
        governorate -> Nullable<Text>,
        approximate_month -> Nullable<Text>,
        language -> Nullable<Text>,
        received_on -> Text,
        content -> Binary,
        public_message -> Nullable<Binary>,
        awaiting_reply -> Bool,
        closed_on -> Nullable<Text>,
        wiped_on -> Nullable<Text>,
    }
}

diesel::table! {
    tip_identifiers (tip_id, blind_index) {
        tip_id -> BigInt,
        kind -> Text,
        blind_index -> Text,
    }
}

diesel::table! {
    tip_messages (id) {
        id -> BigInt,
        tip_id -> BigInt,
        ref_key -> Text,
        author -> Text,
        staff_id -> Nullable<Text>,
        body -> Binary,
        sent_on -> Text,
    }
}

diesel::table! {
    tip_attachments (id) {
        id -> BigInt,
        tip_id -> BigInt,
        ref_key -> Text,
        mime -> Text,
        width -> Integer,
        height -> Integer,
        size_bytes -> Integer,
        data -> Binary,
    }
}

diesel::table! {
    cases (id) {
        id -> BigInt,
        case_number -> Text,
        ref_key -> Text,
        receipt_hash -> Nullable<Text>,
        status -> Text,
        close_reason -> Nullable<Text>,
        governorate -> Nullable<Text>,
        consent -> Text,
        reported_on -> Text,
        content -> Nullable<Binary>,
        merged_into -> Nullable<BigInt>,
        pfif_record_id -> Nullable<Text>,
        updated_at_ms -> BigInt,
        closed_at_ms -> Nullable<BigInt>,
        wiped_on -> Nullable<Text>,
        deceased_proposed_by -> Nullable<Text>,
    }
}

diesel::table! {
    case_photos (case_id) {
        case_id -> BigInt,
        mime -> Text,
        data -> Binary,
    }
}

diesel::table! {
    case_keys (case_id, kind, blind_index) {
        case_id -> BigInt,
        kind -> Text,
        blind_index -> Text,
    }
}

diesel::table! {
    case_notes (id) {
        id -> BigInt,
        case_id -> BigInt,
        ref_key -> Text,
        staff_id -> Nullable<Text>,
        author_name -> Text,
        status -> Nullable<Text>,
        body -> Binary,
        created_at_ms -> BigInt,
        pfif_record_id -> Nullable<Text>,
        pfif_note -> Nullable<Binary>,
    }
}

diesel::table! {
    case_merges (id) {
        id -> BigInt,
        kept_id -> BigInt,
        duplicate_id -> BigInt,
        ref_key -> Text,
        reason -> Binary,
        previous_status -> Text,
        previous_close_reason -> Nullable<Text>,
        previous_closed_at_ms -> Nullable<BigInt>,
        moved_entities -> Text,
        merged_by -> Text,
        merged_at_ms -> BigInt,
        unmerged_by -> Nullable<Text>,
        unmerged_at_ms -> Nullable<BigInt>,
    }
}

diesel::table! {
    case_pfif (case_id) {
        case_id -> BigInt,
        person -> Binary,
        expiry_ms -> Nullable<BigInt>,
    }
}

diesel::table! {
    case_messages (id) {
        id -> BigInt,
        case_id -> BigInt,
        ref_key -> Text,
        author -> Text,
        staff_id -> Nullable<Text>,
        body -> Binary,
        sent_on -> Text,
    }
}

diesel::table! {
    case_matches (case_id, other_id) {
        case_id -> BigInt,
        other_id -> BigInt,
        score -> Integer,
        reasons -> Text,
        state -> Text,
    }
}

diesel::table! {
    campaigns (id) {
        id -> BigInt,
        slug -> Text,
        titles -> Text,
        period_start -> Nullable<Text>,
        period_end -> Nullable<Text>,
        seed_hash -> Nullable<Text>,
        created_at_ms -> BigInt,
        updated_at_ms -> BigInt,
    }
}

diesel::table! {
    media (id) {
        id -> Text,
        mime -> Text,
        width -> Integer,
        height -> Integer,
        size_bytes -> Integer,
        data -> Binary,
        uploaded_by -> Nullable<Text>,
        created_at_ms -> BigInt,
    }
}

diesel::table! {
    articles (id) {
        id -> BigInt,
        slug -> Text,
        category -> Text,
        campaign_id -> Nullable<BigInt>,
        status -> Text,
        featured -> Bool,
        publish_at_ms -> Nullable<BigInt>,
        needs_review -> Bool,
        review_note -> Nullable<Text>,
        revision -> BigInt,
        content_hash -> Text,
        seed_hash -> Nullable<Text>,
        created_at_ms -> BigInt,
        updated_at_ms -> BigInt,
    }
}

diesel::table! {
    article_translations (article_id, language) {
        article_id -> BigInt,
        language -> Text,
        title -> Text,
        summary -> Text,
        body -> Text,
        image_id -> Nullable<Text>,
        image_alt -> Nullable<Text>,
        updated_at_ms -> BigInt,
    }
}

diesel::table! {
    article_revisions (id) {
        id -> BigInt,
        article_id -> BigInt,
        revision -> BigInt,
        at_ms -> BigInt,
        staff_id -> Nullable<Text>,
        author -> Text,
        kind -> Text,
        language -> Nullable<Text>,
        fields -> Text,
        snapshot -> Text,
    }
}

diesel::table! {
    article_reads (article_id, language, day) {
        article_id -> BigInt,
        language -> Text,
        day -> Text,
        count -> BigInt,
    }
}

diesel::joinable!(staff_roles -> staff (staff_id));
diesel::joinable!(staff_links -> staff (staff_id));
diesel::joinable!(staff_sessions -> staff (staff_id));
diesel::joinable!(staff_spent_refresh -> staff_sessions (session_id));
diesel::joinable!(tip_identifiers -> tips (tip_id));
diesel::joinable!(tip_messages -> tips (tip_id));
diesel::joinable!(tip_attachments -> tips (tip_id));
diesel::joinable!(case_keys -> cases (case_id));
diesel::joinable!(case_photos -> cases (case_id));
diesel::joinable!(case_notes -> cases (case_id));
diesel::joinable!(case_pfif -> cases (case_id));
diesel::joinable!(case_messages -> cases (case_id));
diesel::joinable!(articles -> campaigns (campaign_id));
diesel::joinable!(article_translations -> articles (article_id));
diesel::joinable!(article_translations -> media (image_id));
diesel::joinable!(article_revisions -> articles (article_id));
diesel::joinable!(article_reads -> articles (article_id));

diesel::table! {
    triage (kind, item_id) {
        kind -> Text,
        item_id -> BigInt,
        status -> Text,
        governorate -> Nullable<Text>,
        received_on -> Text,
        priority -> Integer,
        reasons -> Text,
        departure_on -> Nullable<Text>,
        minor -> Bool,
        linked -> Integer,
        has_attachments -> Bool,
        adjust -> Integer,
        adjust_reason -> Nullable<Binary>,
        assignee -> Nullable<Text>,
        first_look_on -> Nullable<Text>,
        version -> BigInt,
    }
}

diesel::table! {
    labels (id) {
        id -> BigInt,
        color -> Text,
        name_ar -> Text,
        name_ckb -> Text,
        name_kmr -> Text,
        name_en -> Text,
    }
}

diesel::table! {
    item_labels (kind, item_id, label_id) {
        kind -> Text,
        item_id -> BigInt,
        label_id -> BigInt,
    }
}

diesel::table! {
    item_notes (id) {
        id -> BigInt,
        kind -> Text,
        item_id -> BigInt,
        ref_key -> Text,
        staff_id -> Text,
        body -> Binary,
        written_at_ms -> BigInt,
    }
}

diesel::table! {
    saved_views (id) {
        id -> BigInt,
        ref_key -> Text,
        staff_id -> Text,
        kind -> Text,
        body -> Binary,
        saved_at_ms -> BigInt,
    }
}

diesel::table! {
    presence (kind, item_id, staff_id) {
        kind -> Text,
        item_id -> BigInt,
        staff_id -> Text,
        seen_at_ms -> BigInt,
    }
}

diesel::table! {
    item_words (kind, item_id, word) {
        kind -> Text,
        item_id -> BigInt,
        word -> Text,
    }
}

diesel::table! {
    entities (id) {
        id -> BigInt,
        kind -> Text,
        blind_index -> Text,
        display -> Binary,
        merged_into -> Nullable<BigInt>,
        display_tip -> Nullable<Binary>,
        display_case -> Nullable<Binary>,
    }
}

diesel::table! {
    entity_mentions (entity_id, kind, item_id) {
        entity_id -> BigInt,
        kind -> Text,
        item_id -> BigInt,
    }
}

diesel::table! {
    entity_backlog (kind, item_id) {
        kind -> Text,
        item_id -> BigInt,
    }
}

diesel::joinable!(item_labels -> labels (label_id));
diesel::joinable!(entity_mentions -> entities (entity_id));

diesel::table! {
    throttle_attempts (key) {
        key -> Text,
        failures -> Integer,
        next_allowed_ms -> BigInt,
        last_failure_ms -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    throttle_attempts,
    translation_reviews,
    audit_log,
    audit_head,
    staff,
    staff_roles,
    staff_links,
    staff_sessions,
    staff_spent_refresh,
    pow_redemptions,
    tips,
    tip_identifiers,
    tip_messages,
    tip_attachments,
    cases,
    case_photos,
    case_keys,
    case_notes,
    case_merges,
    case_pfif,
    case_messages,
    case_matches,
    campaigns,
    media,
    articles,
    article_translations,
    article_revisions,
    article_reads,
    triage,
    labels,
    item_labels,
    item_notes,
    saved_views,
    presence,
    item_words,
    entities,
    entity_mentions,
    entity_backlog,
);
