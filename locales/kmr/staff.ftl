# Beşa karmendan: têketin, hesab, rêvebirina karmendan, tomara çavdêriyê û mîheng.
staff-title = Beşa karmendan
staff-sign-in-title = Têketina karmendan
staff-email = E-name
staff-password = Şîfre
staff-totp-code = Koda şeş reqemî ya ji sepana te ya piştrastkirinê
staff-sign-in-held = Ji bo vê e-nameyê gelek hewl hatin dayîn: niha tenê şîfre li bendê dimîne. Heke tu sepana naskirinê bi kar tînî, koda wê bi şîfreya xwe re binivîse da ku niha têkevî. Heke sepana te tune be û şîfre rast bû, me girêdaneke têketinê ji e-nameya te re şand.
staff-sign-in-link-opened = Te girêdaneke têketinê vekir. Ji bo temamkirina têketinê e-name û şîfreya xwe binivîse.
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
role-caseworker = Karmendê dosyayê
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

mail-sign-in-link-subject = Sened: girêdana te ya têketinê
mail-sign-in-link-body =
    Silav { $name },

    Kesekî şîfreya rast a hesabê te yê Senedê nivîsand dema ku têketin piştî gelek hewldanên
    neserkeftî hatibû rawestandin. Heke tu bûyî, vê girêdanê di nav 30 deqeyan de veke û ji bo
    têketinê şîfreya xwe dîsa binivîse:

    { $link }

    Heke tu nebûyî, kesekî din şîfreya te dizane: girêdanê veneke, û yekser şîfreya xwe biguherîne
    an ji rêvebirekî re bibêje.

mail-audit-checkpoint-subject = Sened: xala kontrolê ya îro ya qeyda çavdêriyê
mail-audit-checkpoint-body =
    Silav { $name },

    Ev xala kontrolê ya îmzekirî ya qeyda çavdêriyê ya Senedê ye ji bo îro. Vê e-nameyê li cihekî
    hilîne ku rêvebirên serverê negihîjinê. Heke rojekê qeyd were kurtkirin an ji nû ve were
    nivîsandin, ev rêz îspat dike ku heta kû çûbû:

    { $checkpoint }

    Ji bo kontrolkirinê, li ser serverê "sanad audit verify" bixebitîne.

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
staff-nav-entities = Hejmar û alî
entity-kind-phone = Hejmara telefonê
entity-kind-account = Hesabê online
entity-kind-agency = Alî an jî leşkergir
entity-sources = { $count ->
    [one] 1 ragihandina serbixwe
   *[other] { $count } ragihandinên serbixwe
}
entity-sources-label = Navê wê hatiye
entity-first-seen = Cara pêşîn hatiye dîtin
entity-last-seen = Cara dawî hatiye dîtin
entity-governorates = Parêzgeh
entity-reports = Ragihandinên ku navê wê tînin
entity-tips = Ragihandin
entity-cases = Dosya
entity-tips-none = Tu ragihandin navê wê nayîne.
entity-cases-none = Tu dosya navê wê nayîne.
entity-back = Li hejmarek, hesabek an aliyek bigere
entity-aliases = Nivîsînên din ên navê vî aliyî
entity-aliases-none = Tu nivîsîneke din bi vê re nehatiye yekkirin.
entity-split = Veqetîne
entity-split-done = Hate veqetandin: dîsa aliyekî serbixwe ye.
entity-merge = Nivîsîneke din bi vî aliyî re yek bike
entity-merge-hint = Navê din wek ku di ragihandinekê de hatiye nivîsîn binivîse, bo nimûne bi tîpên latînî. Paşê ragihandinên wê ji bo vî aliyî tên hesibandin; tu dikarî dîsa veqetînî.
entity-merge-find = Bibîne
entity-merge-confirm = «{ $name }» bi vî aliyî re yek bike
entity-merge-none = Di ragihandinên ku tu li ser dixebitî de tu aliyekî din bi vî awayî nehatiye nivîsîn.
entity-merged = Hate yekkirin.
entities-title = Hejmar, hesab û alî
entities-intro = Her hejmara telefonê, hesabê online û aliyê ku di ragihandinek an dosyayekê de hatiye gotin, bi ragihandinên ku navê wê tînin.
entities-search-label = Hejmara telefonê, hesab an navê aliyî
entities-search-hint = Wek ku di ragihandinê de hatiye nivîsîn: bi her hejmarê, girêdanek an ‎@nav‎, bi tîpên erebî an latînî.
entities-search-go = Bigere
entities-none = Di ragihandinên ku tu li ser dixebitî de tiştek bi vî awayî nehatiye nivîsîn.
connections-title = Girêdan bi rêya hejmar, hesab û aliyan
connections-entities = Tiştên ku ev ragihandin navê wan tîne
connections-none = Ev ragihandin navê tu hejmara telefonê, hesab an aliyî nayîne.
connections-network = Torê bibîne
connections-tips = Ragihandinên ku heman tiştî tînin
connections-cases = Dosyayên ku heman tiştî tînin
connections-tips-none = Tu ragihandineke din navê yek ji van nayîne.
connections-cases-none = Tu dosya navê yek ji van nayîne.
connections-hidden-tips = { $count ->
    [one] 1 ragihandin heman tiştî tîne; ragihandinan çavdêr dixwînin.
   *[other] { $count } ragihandin heman tiştî tînin; ragihandinan çavdêr dixwînin.
}
connections-hidden-cases = { $count ->
    [one] 1 dosya heman tiştî tîne; dosyayan karmendên dosyayan dixwînin.
   *[other] { $count } dosya heman tiştî tînin; dosyayan karmendên dosyayan dixwînin.
}
connections-shared = Hevpar:
connections-more = { $count ->
    [one] Û 1 yên din, ku li vir nehatine rêzkirin.
   *[other] Û { $count } yên din, ku li vir nehatine rêzkirin.
}
network-title = Tor
network-back = Vegere
network-about-entity = Her tiştê ku bi vê hejmarê, hesabî an aliyî ve girêdayî ye, heta du gavan.
network-about-tip = Her tiştê ku bi vê ragihandinê ve girêdayî ye, heta du gavan.
network-about-case = Her tiştê ku bi vê dosyayê ve girêdayî ye, heta du gavan.
network-from = Ragihandin ji
network-to = Ragihandin heta
network-apply = Nîşan bide
network-empty = Di vê demê de tiştek girêdayî nîne.
network-truncated = Girêdayî ji ya ku dikare bê xêzkirin zêdetir in: 200 yên herî girêdayî tên nîşandan.
network-summary = { $nodes ->
    [one] Xêzkirina torekê ji 1 tiştî û { $links } girêdanan; lîsteya jêrîn heman tiştî bi peyvan dibêje.
   *[other] Xêzkirina torekê ji { $nodes } tiştan û { $links } girêdanan; lîsteya jêrîn heman tiştî bi peyvan dibêje.
}
network-legend = Rêbera xêzkirinê
network-kind-tip = Ragihandin
network-kind-case = Dosya
network-kind-hidden = Ragihandineke ku tu li ser naxebitî
network-thickness = Xet çiqas stûrtir be, ragihandinên serbixwe ewqas zêdetir
network-hidden-tip = Ragihandinek (çavdêr dixwînin)
network-hidden-case = Dosyayek (karmendên dosyayan dixwînin)
network-list = Tor bi peyvan
network-links = { $count ->
    [one] 1 girêdan
   *[other] { $count } girêdan
}
staff-nav-statistics = Statîstîk
statistics-title = Statîstîk
statistics-from = Ji
statistics-to = Heta
statistics-period = Ji { $from } heta { $to }
statistics-small = Hejmarên ji 5an kêmtir wek «<5» tên nîşandan, da ku tu malbat an ragihîner neyê naskirin; rêveber wan bi rastî dibînin.
statistics-tips-open = Ragihandinên vekirî
statistics-tips-overdue = Ragihandinên ku nihêrîna pêşîn dereng maye
statistics-tips-received = Ragihandinên di vê demê de hatine
statistics-cases-open = Dosyayên vekirî
statistics-cases-overdue = Dosyayên ku nihêrîna pêşîn dereng maye
statistics-cases-received = Dosyayên di vê demê de hatine ragihandin
statistics-series-tips = Ragihandin
statistics-series-cases = Dosya
statistics-weekly = Ragihandin her hefte
statistics-week = Hefte ji
statistics-as-table = Hejmar wek tabloyekê
statistics-first-look = Roj heta nihêrîna pêşîn, li gorî hefteya hatinê
statistics-first-look-hint = Tenê roja hatinê tê tomarkirin, ji ber vê yekê dem bi rojên tevahî ne. Hefteyek ku kêmtir ji 5 ragihandinan lê hatine nihêrîn hejmara wê tune.
statistics-first-look-tips = Ragihandin: roj heta nihêrîna pêşîn
statistics-first-look-cases = Dosya: roj heta nihêrîna pêşîn
statistics-median = Navîn
statistics-p90 = 9 ji 10an di nav
statistics-tips-by-governorate = Ragihandin li gorî parêzgehê
statistics-tips-by-subject = Ragihandin li gorî mijarê
statistics-tips-by-status = Ragihandin li gorî rewşê
statistics-cases-by-governorate = Dosya li gorî parêzgehê
statistics-cases-by-status = Dosya li gorî rewşê
statistics-cases-outcomes = Encamên dosyayan
statistics-unknown-governorate = Parêzgeh nehatiye gotin
map-title = Nexşeya ragihandinan li gorî parêzgehê
map-show = Nîşan bide
map-measure = Reng li gorî
map-rate = Ji bo her 100.000 niştecihan
map-raw = Hejmara ragihandinan
map-fewer = Kêmtir
map-more = Zêdetir
map-hidden = Ji 5an kêmtir: nayê nîşandan
map-note = Rêje texmînên nêzîk ên nifûsê bi kar tînin (serjimêriya 2024, encamên pêşîn). Helebce wek xalekê tê nîşandan. Sînor: Natural Earth.
export-csv = Wek CSV derxe
export-download = { $name } tomar bike
export-hint = Pelê tabloyê ya tiştên ku tên nîşandan, ji bo Excel (erebî û kurdî wek xwe dimînin). Derxistin di tomara kontrolê de tê nivîsîn. Heta 5.000 rêzan: ji bo bêtir, parzûnan teng bike.
export-ftm = Ji bo Aleph derxe (FollowTheMoney)
export-ftm-hint = Hejmar, hesab û aliyên vê torê û yên ku bi hev re tên gotin, wek FollowTheMoney ji bo amûrên lêkolîneran ên wek Aleph. Tiştek ji gotinên ragihandinan tê de nîne. Derxistin di tomara kontrolê de tê nivîsîn.
entity-unnamed = (tenê di ragihandinên ku tu li ser naxebitî de hatiye nivîsîn)
evidence-heading = Delîl ji bo dozgeran
evidence-package = Pakêta delîlan (ZIP)
evidence-package-hint = Pelek îmzekirî ji bo dozgeran: ragihandin û axaftina wê, wêne wek ku hatine, tomarên kontrolê yên li ser wê û lîsteyek bi SHA-256 ya her pelî. Her kes dikare bê înternet bi sanad evidence verify kontrol bike. Çêkirina wê di tomara kontrolê de tê nivîsîn.
evidence-title = Pakêta delîlan: { $reference }
evidence-made = Di { $at } de hate çêkirin (dema cîhanî).
evidence-picture = Wêneya { $n }
evidence-audit = Tomarên kontrolê yên li ser vê ragihandinê
evidence-audit-none = Tu tomara kontrolê ne li ser vê ragihandinê ye.
evidence-audit-seq = Tomar
evidence-audit-time = Dem (dema cîhanî)
evidence-audit-actor = Ji aliyê
evidence-audit-action = Kar
evidence-audit-hash = Haş
evidence-head = Serê zincîra kontrolê dema pakêt hate çêkirin: tomara { $seq }, haş { $hash }.
evidence-verify-hint = Her pelê vê pakêtê bi SHA-256 ya xwe di manifest.json de ye, ku bi mifteya Ed25519 ya xizmetê hatiye îmzekirin. Pakêtê bi fermana { $command } kontrol bike, û mifteyê bi ya ku xizmet li { $address } diweşîne re bide ber hev.
