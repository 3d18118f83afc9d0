app-name = Sened
app-tagline = Leşkerkirina ji bo artêşên biyanî ragihîne, li xizmên xwe yên winda bigere û fêr bibe ka tu çawa xwe biparêzî.
skip-to-content = Here naveroka sereke
nav-main = Menûya sereke
nav-home = Destpêk
nav-report = Leşkerkirinê ragihîne
nav-missing = Xizmê winda
nav-learn = Bixwîne û fêr bibe
nav-staff = Beşa karmendan
language-switcher = Ziman

home-title = Îro em çawa dikarin alîkariya te bikin?
home-intro = Sened piştgiriyê dide hewldanên Iraqê ji bo rawestandina leşkerkirina welatiyên wê di artêşên biyanî de. Tiştê ku tu dixwazî bikî hilbijêre.
home-report-title = Leşkerkirinê ragihîne
home-report-text = Li ser kesekî ku ciwanan leşker dike, ajanseke rêwîtiyê, kanaleke înternetê an hejmareke telefonê ji me re bêje. Tu nenas dimînî: ne hesab ne jî nav pêwîst e.
home-missing-title = Xizmekî winda ragihîne
home-missing-text = Heke endamekî malbata te hatibe leşkerkirin an li derveyî welat winda bûbe, ji me re bêje û bi hejmara meqbûzê dosyayê bişopîne.
home-learn-title = Bixwîne û fêr bibe
home-learn-text = Gotarên kurt li ser xetereyên qanûnî, rastiya ku leşkerkirî pê re rû bi rû dimînin, û ka tu çawa xwe û malbata xwe diparêzî.
home-privacy = Sened ji bo kesên ku radigihînin ne hesab, ne navnîşana IP û ne jî cookie diparêze.
home-staff-entry = Têketina karmendan

not-found-title = Rûpel nehat dîtin
not-found-text = Rûpela ku te xwest tune ye an hatiye guhastin.
not-found-home = Vegere rûpela destpêkê
state-error-title = Tiştek xelet çû
footer-text = Sened — xizmeteke giştî li dijî leşkerkirina ji bo artêşên biyanî.

error-not-found = Tiştê ku te xwest nehat dîtin.
error-method-not-allowed = Ev kiryar li vir nayê destûrdan.
error-malformed-json = Daneyên ku hatin şandin nehatin xwendin.
error-invalid-request = Daxwaz ne derbasdar e.
error-payload-too-large = Daneyên ku hatin şandin ji sînorê destûrdayî mezintir in.
error-unsupported-media-type = Ev cureyê daneyan nayê piştgirîkirin.
error-unknown-language = Ev ziman nayê piştgirîkirin.
error-database-unavailable = Xizmet ji bo demeke kurt ne berdest e. Ji kerema xwe piştî demekê dîsa biceribîne.
error-frontend-not-built = Malper li ser vê serverê nehatiye sazkirin.
error-password-too-short = Şîfre divê herî kêm 12 tîp be.
error-password-too-long = Şîfre divê ji 256 tîpan dirêjtir nebe.
error-password-too-common = Ev şîfre di nav yên herî zêde têne bikaranîn de ye û dê yekser were texmînkirin. Ji kerema xwe yekî din hilbijêre.
error-password-too-weak = Ev şîfre pir bi hêsanî tê texmînkirin. Hevokeke dirêjtir ji peyvên ne girêdayî hev bi kar bîne.
error-unauthorized = Ji kerema xwe têkeve da ku bidomînî.
error-forbidden = Destûra hesabê te ji bo vê tune ye.
error-invalid-credentials = E-name an şîfre ne rast e.
error-too-many-attempts = Gelek hewl hatin dayîn. Ji kerema xwe hinekî bisekine û dîsa biceribîne.
error-pictures-busy = Niha gelek wêne tên kontrolkirin. Tiştek nehat şandin; ji kerema xwe piştî çend çirkeyan dîsa bişîne.
error-pfif-domain-missing = Şandina ji bo hevkaran hê nehatiye sazkirin: divê rêveber berî her tiştî domaina vê sazkirinê (SANAD_PFIF_DOMAIN) diyar bike.
error-match-conflict = Niha ev biryar ji bo van her du dosyayan nayê dayîn: ew yekkirî ne, an ne yekkirî ne, an yek ji wan di vê navberê de bi dosyayeke din re hatiye yekkirin an hatiye valakirin. Rûpelê nû bike da ku bibînî ew di çi rewşê de ne.
error-totp-required = Koda şeş reqemî ya ji sepana xwe ya piştrastkirinê binivîse.
error-link-invalid = Dema vê girêdanê derbas bûye an berê hatiye bikaranîn. Girêdaneke nû bixwaze.
error-invalid-email = Ev ne navnîşaneke e-nameyê ya derbasdar e.
error-email-taken = Karmendek bi vê navnîşana e-nameyê berê heye.
error-last-admin = Divê herî kêm rêveberekî çalak bimîne.
error-mail-failed = E-name nehat şandin. Ji kerema xwe paşê dîsa biceribîne.
error-totp-setup-required = Rêxistina te têketina du-gavî dixwaze. Pêşî li rûpela hesabê xwe sepaneke piştrastkirinê saz bike.
error-totp-enforced = Têketina du-gavî ji bo hemû karmendan pêwîst e û nayê girtin.
error-totp-invalid = Ev kod ne rast e. Koda niha ya şeş reqemî ji sepana xwe binivîse.
error-proof-of-work-invalid = Rûpelê nekarî vê şandinê piştrast bike. Ji kerema xwe rûpelê nû bike û dîsa bişîne.
error-proof-of-work-expired = Form demeke dirêj vekirî ma. Ji kerema xwe dîsa bişîne; nivîsa te parastî ye.
error-submission-too-soon = Form berî ku dema benda xelas bibe hate şandin. { $seconds ->
    [one] Çirkeyekê
   *[other] { $seconds } çirkeyan
} li bendê bimîne û dîsa bişîne; nivîsa te parastî ye.
error-internal = Di serverê de xeletiyek çêbû. Ji kerema xwe paşê dîsa biceribîne.
error-unknown = Xeletiyeke nediyar çêbû.

mail-invite-subject = Vexwendin ji bo tevlîbûna Sened
mail-invite-body =
    Silav { $name },

    Tu hatî vexwendin ku tevlî tîma Sened bibî. Vê girêdanê veke da ku şîfreya xwe hilbijêrî:

    { $link }

    Girêdan tenê carekê dixebite û piştî 48 saetan dema wê diqede. Heke te li benda vê e-nameyê nebû, tu dikarî guh nedî.
mail-reset-subject = Şîfreya xwe ya Sened nû bike
mail-reset-body =
    Silav { $name },

    Kesekî xwest ku şîfreya hesabê te yê Sened were nûkirin. Vê girêdanê veke da ku şîfreyeke nû hilbijêrî:

    { $link }

    Girêdan tenê carekê dixebite û piştî 48 saetan dema wê diqede. Heke te ev yek nexwest, guh nede vê e-nameyê: şîfreya te wek xwe dimîne.
departure-on = Gelo kesek li ber çûyînê ye? Kîjan rojê?
departure-hint = Tenê heke rêwîtiyek hatibe plankirin: roj, wek ⁦2026‑12‑04⁩. Çûyîneke nêzîk ragihandinê dixe serê rêzê.
report-minor = Kesekî di bin 18 saliyê de tê de heye
