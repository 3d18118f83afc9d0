# Beşa karmendan: têketin, hesab, rêvebirina karmendan, tomara çavdêriyê û mîheng.
staff-title = Beşa karmendan
staff-sign-in-title = Têketina karmendan
staff-email = E-name
staff-password = Şîfre
staff-totp-code = Koda şeş reqemî ya ji sepana te ya piştrastkirinê
staff-sign-in = Têkeve
staff-sign-out = Derkeve
staff-forgot-password = Te şîfreya xwe ji bîr kiriye?
staff-send-reset = Girêdana nûkirinê bişîne
staff-reset-sent = Heke ev navnîşan ya karmendekî be, girêdanek ji bo hilbijartina şîfreyeke nû di rê de ye.
staff-set-password-title = Şîfreya xwe hilbijêre
staff-set-password-intro = Bi xêr hatî, { $name }. Ji bo { $email } şîfreyekê hilbijêre.
staff-new-password = Şîfreya nû
staff-password-hint = Herî kêm 12 tîp. Hevokeke ji çend peyvên ne girêdayî hev hem xurt e hem jî bi hêsanî tê bîrê.
staff-save-password = Şîfreyê tomar bike
staff-password-saved = Şîfreya te hat tomarkirin. Niha tu dikarî têkevî.
staff-link-missing = Ev rûpel girêdana ji e-nameya te hewce dike. Girêdanê tam wek ku te wergirtiye veke.
staff-nav-home = Nêrîna giştî
staff-nav-team = Karmend
staff-nav-audit = Tomara çavdêriyê
staff-nav-settings = Mîheng
staff-nav-account = Hesabê min
staff-welcome = Tu wek { $name } têketî.
staff-your-roles = Rolên te: { $roles }
staff-roles = Rol
role-admin = Rêveber
role-moderator = Çavdêr
role-caseworker = Berpirsê dozan
role-editor = Edîtor
staff-invite-title = Karmendekî vexwîne
staff-display-name = Nav
staff-invite-language = Zimanê vexwendinê
staff-invite = Vexwendinê bişîne
staff-invited = Vexwendin ji { $email } re hat şandin.
staff-status-active = Çalak
staff-status-inactive = Neçalakkirî
staff-status-invited = Vexwendin hêj nehatiye qebûlkirin
staff-deactivate = Neçalak bike
staff-reactivate = Dîsa çalak bike
staff-save-roles = Rolan tomar bike
staff-saved = Hat tomarkirin.
audit-filter-action = Kiryar
audit-filter = Parzûn bike
audit-time = Dem
audit-actor = Kî
audit-action = Kiryar
audit-object = Têkildarî
audit-empty = Tu tomar tune ne.
settings-require-totp = Ji bo hemû karmendan têketina du-gavî (TOTP) pêwîst bike
settings-first-look-hours = Saetên berî ku ragihandin an dosyayeke nû wek derengmayî were hesibandin
settings-first-look-hours-hint = Ji roja gihîştinê heta ku kesek wê cara pêşî veke; ji 1 heta 720 saetan.
settings-save = Tomar bike
account-password-title = Şîfreyê biguherîne
account-current-password = Şîfreya niha
account-change-password = Şîfreyê biguherîne
account-password-changed = Şîfreya te hat guhertin. Ji kerema xwe dîsa têkeve.
account-totp-title = Têketina du-gavî
account-totp-on = Têketina du-gavî vekirî ye.
account-totp-off = Têketina du-gavî girtî ye.
account-totp-start = Sepaneke piştrastkirinê saz bike
account-totp-scan = Vê kodê bi sepana xwe ya piştrastkirinê skan bike, an mifteya li jêr binivîse, paşê koda şeş reqemî ya ku sepan nîşan dide binivîse.
account-totp-key = Mifte
account-totp-confirm = Piştrast bike
account-totp-disable = Têketina du-gavî bigire
account-totp-required = Rêxistina te têketina du-gavî dixwaze. Ji bo ku bidomînî, wê li vir saz bike.
error-stale-view = Piştî ku te ev tişt vekir, ew hate guhertin (dibe ku hevkarek bersiv dabe an guhertibe). Wê ji nû ve veke, tiştê guherî bixwîne, paşê dîsa biceribîne.
error-invalid-triage = Hin qad divê bên rastkirin.
error-unknown-assignee = Ev kes nikare vî tiştî bigire: hesabê wî ne çalak e an rola pêwîst tune ye.
mail-assigned-subject = Sened: karek ji te re hate spartin
mail-assigned-body =
    Silav { $name },

    Hevkarekî di Senedê de karek ji te re spart. Têkeve da ku bibînî:

    { $link }

    Ev e-name tu carî naveroka ragihandinekê nahewîne.

## Rêzkirin: pêşînî, spartin, etîket, not, rêza karan
priority-urgent = Bilez
priority-high = Bilind
priority-normal = Asayî
priority-low = Nizm
reason-departure-soon = { $days ->
    [0] Kesek îro diçe
    [one] Kesek sibê diçe
   *[other] Kesek piştî { $days } rojan diçe
}
reason-minor = Kesekî di bin 18 saliyê de tê de heye
reason-linked = { $count ->
    [one] Hejmareke telefonê an hesabek bi 1 ragihandineke din re hevpar e
   *[other] Hejmareke telefonê an hesabek bi { $count } ragihandinên din re hevpar e
}
reason-waiting = { $days ->
    [one] 1 roj e li benda nihêrîna pêşîn e
   *[other] { $days } roj e li benda nihêrîna pêşîn e
}
reason-manual = Bi destan hate bilindkirin an nizmkirin ({ $adjust })
reason-none = Tu rêzik pêşîniya wê bilind nake.
triage-title = Rêzkirin
triage-overdue = Derengmayî
triage-waiting = { $days ->
    [0] Ji îro ve li bendê ye
    [one] 1 roj e li bendê ye
   *[other] { $days } roj e li bendê ye
}
triage-others-here = Niha li cem van jî vekirî ye: { $names }. Berî bersivdanê li hev bikin ka kî bersiv dide.
triage-manual-reason = Sedema guhertina bi destan:
triage-assignee = Hatiye spartin
triage-unassigned = Tu kes
triage-assign-me = Bigire
triage-labels = Etîket
triage-no-labels = Hîn etîket tune ne: rêvebir dikare wan çêbike.
triage-adjust-title = Bi destan bilind an nizm bike
triage-adjust = Xalên ku werin zêdekirin, ji -50 heta 50 (0 guhertinê radike)
triage-adjust-reason = Sedem (pêwîst e, tenê karmend dibînin)
triage-adjust-save = Pêşîniyê tomar bike
triage-notes = Notên hundirîn (tu carî ji ragihîner re nayên nîşandan)
triage-notes-none = Hîn not tune ne.
triage-note-label = Nota nû
triage-note-add = Notê zêde bike
queue-open = Vekirî (nû an di lênihêrînê de)
queue-filter-priority = Pêşînî
queue-filter-assignee = Hatiye spartin
queue-assignee-me = Ez
queue-assignee-none = Tu kes
queue-filter-label = Etîket
queue-overdue = Tenê yên derengmayî
queue-bulk = Ragihandinên hilbijartî biguherîne
queue-selected = { $count ->
    [one] 1 ragihandin hatiye hilbijartin
   *[other] { $count } ragihandin hatine hilbijartin
}
queue-bulk-take = Wan bigire
queue-bulk-dismiss = Wan red bike
queue-bulk-label = Etîketekê zêde bike…
queue-bulk-done = { $count ->
    [one] 1 ragihandin hate guhertin.
   *[other] { $count } ragihandin hatin guhertin.
}
queue-select = Hilbijêre
queue-select-one = Ragihandina { $id } hilbijêre
queue-col-tip = Ragihandin
queue-col-priority = Pêşînî
queue-col-waiting = Gihîştin
home-tips = Ragihandin
home-cases = Dosyayên kesên winda
home-mine = ji min re hatine spartin
home-overdue = derengmayî
home-urgent = bilez
home-unassigned = nehatine spartin
home-open = vekirî
home-first-look = { $hours ->
    [one] Tiştek piştî 1 saetê bê nihêrîna pêşîn wek derengmayî tê hesibandin.
   *[other] Tiştek piştî { $hours } saetan bê nihêrîna pêşîn wek derengmayî tê hesibandin.
}
labels-title = Etîket
labels-color = Reng
labels-name-in = Nav bi { $language }
labels-add = Etîketê zêde bike
queue-search = Peyvên di ragihandinê de
queue-search-go = Bigere
triage-departure = Li gorî ragihandinê diçe di
queue-yes = Erê
queue-no = Na
queue-more-filters = Parzûnên din
queue-filter-governorate = Parêzgeh
queue-filter-from = Gihîştiye ji
queue-filter-to = Gihîştiye heta
queue-filter-attachments = Wêne tê de hene
queue-filter-linked = Hejmarek an hesabek bi ragihandineke din re parve dike
queue-views = Dîmenên min ên tomarkirî
queue-view-choose = Dîmenekê hilbijêre…
queue-view-name = Navek ji bo vê dîmenê
queue-view-save = Vê dîmenê tomar bike
queue-view-saved = Dîmena “{ $name }” hat tomarkirin.
queue-view-delete = Vê dîmenê jê bibe
queue-view-deleted = Dîmen hat jêbirin.
queue-col-case = Dosya
queue-case-search = Peyvên di dosyayê de
queue-case-select-one = Dosyaya { $id } hilbijêre
queue-case-bulk = Dosyayên hilbijartî biguherîne
queue-case-open = Vekirî (ne girtî, ne vegeriyayî, ne mirî)
queue-case-selected = { $count ->
    [one] 1 dosya hatiye hilbijartin
   *[other] { $count } dosya hatine hilbijartin
}
queue-case-bulk-done = { $count ->
    [one] 1 dosya hate guhertin.
   *[other] { $count } dosya hatin guhertin.
}
file-choose = Pelekê hilbijêre
file-none-chosen = Tu pel nehatiye hilbijartin
queue-filters = Lîsteyê parzûn bike
queue-close-item = Bigire
timeline-title = Dîrok
timeline-empty = Hêj ti guhertin û peyam tune ne.
timeline-system = Pergal
timeline-status = Rewş ji { $from } bû { $to }
timeline-assigned = Hat spartin { $to }
timeline-unassigned = Bê spartin ma
timeline-labels-added = Etîket hatin zêdekirin: { $labels }
timeline-labels-removed = Etîket hatin rakirin: { $labels }
timeline-priority = Pêşînî bi destan hat guhertin ({ $adjust })
timeline-priority-cleared = Guhertina destan a pêşîniyê hat rakirin
timeline-note = Nîşeya navxweyî
timeline-replied-tip = Peyam ji ragihandinvan re
timeline-replied-case = Peyam ji malbatê re
timeline-wrote-tip = Peyam ji ragihandinvan
timeline-wrote-case = Peyam ji malbatê
timeline-merged = Bi dosyayeke din re hat yekkirin
queue-bulk-status = Rewşê diyar bike…
queue-bulk-assign = Bispêre…
queue-bulk-unlabel = Etîketekê rake…
home-mine-title = Ji te re hatiye spartin, ya herî bilez pêşî
home-mine-none = Tiştekî vekirî ji te re nehatiye spartin.
home-mine-all = Hemû yên ji te re hatine spartin
